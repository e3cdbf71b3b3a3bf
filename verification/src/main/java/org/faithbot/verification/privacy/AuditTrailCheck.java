package org.faithbot.verification.privacy;

import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.http.ServiceApi;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The privacy audit trail, read directly in the data store (table {@code privacy-audit}) apart from what the service
 * shows: for each privacy action a user made through the API, the entry written under the request that made it (its
 * {@code requestId}), checked for who (one pseudonym for the user, never her id), what (the action the request was,
 * with its details), when (within the request) and where (the instance that served it).
 */
public final class AuditTrailCheck {

    /** The privacy action each request of the API is, as the audit trail names it. */
    public static final Map<String, String> ACTIONS = Map.of(
            "POST /api/v1/accounts", "ACCOUNT_REGISTERED",
            "PUT /api/v1/me/consents", "CONSENT_CHANGED",
            "PUT /api/v1/me/privacy/sale-sharing-opt-out", "SALE_SHARING_OPT_OUT",
            "GET /api/v1/me/export", "DATA_EXPORTED",
            "DELETE /api/v1/me", "DATA_ERASED");

    private static final Duration SKEW = Duration.ofSeconds(1);

    /** One entry of the trail as stored. */
    public record Entry(String subjectRef, String action, String occurredAt, String instanceId, String requestId, Map<String, String> details) {

        String describe() {
            return action + " at " + occurredAt + " by instance " + instanceId + " for subject " + abbreviated(subjectRef) + " " + details;
        }
    }

    /**
     * @param actions  each privacy action checked, with its entry or what was wrong with it
     * @param problems the actions without a complete entry, each with what was wrong
     * @param subjects the pseudonyms the user's entries are under (one, never her id)
     */
    public record Result(String table, long itemsRead, List<String> actions, List<String> problems, Set<String> subjects,
                         List<Entry> entries) {

        /** The actions without a complete entry, judged to be none. */
        public Figure figure() {
            return Figure.of("privacy actions of the user without a complete audit entry (who: one pseudonym, never her id; what: the action "
                    + "and its details; when: within the request; where: the instance that served it)", problems.size(), "actions").equalTo(0)
                    .when(actions.size() + " privacy actions made through the API, each looked up by its X-Request-Id in table " + table
                            + " (read directly, " + itemsRead + " items): " + String.join("; ", actions)
                            + (problems.isEmpty() ? "" : " | NOT COMPLETE: " + String.join("; ", problems)));
        }
    }

    private AuditTrailCheck() {
    }

    /** Checks the trail's entries of every privacy action among {@code exchanges} that the service accepted. */
    public static Result check(DynamoDbClient dynamoDb, String tablePrefix, String userId, List<ServiceApi.Exchange> exchanges) {
        String table = tablePrefix + "privacy-audit";
        List<Entry> all = new ArrayList<>();
        long items = read(dynamoDb, table, all);
        List<String> actions = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> subjects = new LinkedHashSet<>();
        List<Entry> entries = new ArrayList<>();
        for (ServiceApi.Exchange exchange : exchanges) {
            String action = ACTIONS.get(exchange.method() + " " + exchange.path());
            if (action == null || exchange.status() / 100 != 2) {
                continue;
            }
            String request = exchange.method() + " " + exchange.path() + " (request " + exchange.requestId() + ", " + exchange.servedBy() + ")";
            List<Entry> found = all.stream().filter(e -> exchange.requestId() != null && exchange.requestId().equals(e.requestId())).toList();
            found.forEach(e -> subjects.add(e.subjectRef()));
            entries.addAll(found);
            List<String> wrong = found.size() == 1 ? wrongIn(found.getFirst(), action, userId, exchange)
                    : List.of(found.size() + " entries under its request id, not one");
            actions.add(request + " -> " + (found.size() == 1 ? found.getFirst().describe() : found.size() + " entries"));
            if (!wrong.isEmpty()) {
                problems.add(request + ": " + String.join(", ", wrong));
            }
        }
        if (subjects.size() > 1) {
            problems.add("her entries are under " + subjects.size() + " subjects, not one pseudonym");
        }
        return new Result(table, items, List.copyOf(actions), List.copyOf(problems), Set.copyOf(subjects), List.copyOf(entries));
    }

    private static List<String> wrongIn(Entry entry, String action, String userId, ServiceApi.Exchange exchange) {
        List<String> wrong = new ArrayList<>();
        if (!action.equals(entry.action())) {
            wrong.add("action " + entry.action() + ", not " + action);
        }
        if (entry.subjectRef() == null || entry.subjectRef().isBlank()) {
            wrong.add("no subject");
        } else if (entry.subjectRef().contains(userId)) {
            wrong.add("the subject is her user id, not a pseudonym");
        }
        if (!within(entry.occurredAt(), exchange)) {
            wrong.add("occurredAt " + entry.occurredAt() + " is not within the request (" + exchange.sentAt() + " to " + exchange.answeredAt() + ")");
        }
        if (exchange.servedBy() == null || !exchange.servedBy().equals(entry.instanceId())) {
            wrong.add("instance " + entry.instanceId() + ", not " + exchange.servedBy() + " which served the request");
        }
        if (entry.details().isEmpty()) {
            wrong.add("no details of what was done");
        }
        return wrong;
    }

    private static boolean within(String time, ServiceApi.Exchange exchange) {
        try {
            Instant at = Instant.parse(time);
            return !at.isBefore(exchange.sentAt().minus(SKEW)) && !at.isAfter(exchange.answeredAt().plus(SKEW));
        } catch (DateTimeParseException | NullPointerException e) {
            return false;
        }
    }

    /** Every item of the table (it scans, on purpose: the check must not depend on the service's keys). */
    private static long read(DynamoDbClient dynamoDb, String table, List<Entry> entries) {
        long items = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            ScanResponse page = dynamoDb.scan(ScanRequest.builder().tableName(table).exclusiveStartKey(startKey).consistentRead(true).build());
            for (Map<String, AttributeValue> item : page.items()) {
                items++;
                Map<String, String> details = new TreeMap<>();
                AttributeValue stored = item.get("details");
                if (stored != null && stored.hasM()) {
                    stored.m().forEach((name, value) -> details.put(name, value.s()));
                }
                entries.add(new Entry(text(item, "subjectRef"), text(item, "action"), text(item, "occurredAt"), text(item, "instanceId"),
                        text(item, "requestId"), new LinkedHashMap<>(details)));
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return items;
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static String abbreviated(String subject) {
        return subject == null ? "(none)" : subject.length() <= 12 ? subject : subject.substring(0, 12) + "...";
    }
}
