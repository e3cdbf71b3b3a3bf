package org.faithbot.verification.privacy;

import io.restassured.path.json.JsonPath;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.http.ServiceApi;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where a user's opt-out of the sale or sharing of her personal information is kept, read apart from what the service
 * answered: her account's item in the data store (read directly: {@code saleSharingOptOut}, its time, its source), and
 * her export (the same on her profile, and the opt-out's entry among her audit entries). Each fact that is not as she
 * chose it (opted out, within the request that did it, by that source) is a difference.
 *
 * @param facts       what was read, by name
 * @param differences every fact not as she chose it, in words
 */
public record OptOutRecord(String where, Map<String, String> facts, List<String> differences) {

    /** The service's clock and the harness's are the same machine's; a record may fall this much outside the request. */
    private static final Duration SKEW = Duration.ofSeconds(1);

    /** Her account's item in the {@code users} table, read directly (a consistent GetItem). */
    public static OptOutRecord inDataStore(DynamoDbClient dynamoDb, String tablePrefix, String userId, String source,
                                           ServiceApi.Exchange request) {
        String table = tablePrefix + "users";
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table).key(Map.of("userId", AttributeValue.fromS(userId)))
                .consistentRead(true)).item();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("saleSharingOptOut", item == null || item.get("saleSharingOptOut") == null ? null
                : String.valueOf(item.get("saleSharingOptOut").bool()));
        facts.put("saleSharingOptOutAt", item == null || item.get("saleSharingOptOutAt") == null ? null : item.get("saleSharingOptOutAt").s());
        facts.put("saleSharingOptOutSource", item == null || item.get("saleSharingOptOutSource") == null ? null
                : item.get("saleSharingOptOutSource").s());
        return judged("table " + table + ", item of her user id (GetItem, consistent read)", facts, source, request, null);
    }

    /** Her export: the opt-out on her profile, and the opt-out's entry among her privacy audit entries. */
    public static OptOutRecord inExport(JsonPath export, String source, ServiceApi.Exchange request) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("saleSharingOptOut", export.getString("profile.saleSharingOptOut"));
        facts.put("saleSharingOptOutAt", export.getString("profile.saleSharingOptOutAt"));
        facts.put("saleSharingOptOutSource", export.getString("profile.saleSharingOptOutSource"));
        List<Map<String, Object>> audit = export.getList("privacyAudit");
        Map<String, Object> entry = audit == null ? null : audit.stream().filter(e -> "SALE_SHARING_OPT_OUT".equals(e.get("action")))
                .findFirst().orElse(null);
        String entrySource = entry == null || !(entry.get("details") instanceof Map<?, ?> details) ? null : String.valueOf(details.get("source"));
        facts.put("audit entry SALE_SHARING_OPT_OUT", entry == null ? null : entry.get("occurredAt") + " source " + entrySource);
        return judged("her export (GET /api/v1/me/export): profile and privacyAudit", facts, source, request,
                entry == null ? "no SALE_SHARING_OPT_OUT entry among her " + (audit == null ? 0 : audit.size()) + " audit entries"
                        : Objects.equals(entrySource, source) ? null : "the opt-out's audit entry names the source " + entrySource + ", not " + source);
    }

    private static OptOutRecord judged(String where, Map<String, String> facts, String source, ServiceApi.Exchange request, String auditDifference) {
        List<String> differences = new ArrayList<>();
        if (!"true".equals(facts.get("saleSharingOptOut"))) {
            differences.add("saleSharingOptOut is " + facts.get("saleSharingOptOut") + ", not true");
        }
        String at = facts.get("saleSharingOptOutAt");
        if (!within(at, request)) {
            differences.add("saleSharingOptOutAt is " + at + ", not within the request (" + request.sentAt() + " to " + request.answeredAt() + ")");
        }
        if (!Objects.equals(facts.get("saleSharingOptOutSource"), source)) {
            differences.add("saleSharingOptOutSource is " + facts.get("saleSharingOptOutSource") + ", not " + source);
        }
        if (auditDifference != null) {
            differences.add(auditDifference);
        }
        return new OptOutRecord(where, facts, List.copyOf(differences));
    }

    static boolean within(String time, ServiceApi.Exchange request) {
        if (time == null) {
            return false;
        }
        try {
            Instant at = Instant.parse(time);
            return !at.isBefore(request.sentAt().minus(SKEW)) && !at.isAfter(request.answeredAt().plus(SKEW));
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The facts not as she chose them, judged to be none; {@code what} names what was checked. */
    public Figure figure(String metric) {
        return Figure.of(metric, differences.size(), "facts").equalTo(0).when(where + ": " + facts + (differences.isEmpty() ? ""
                : "; not as she chose: " + differences));
    }
}
