package org.faithbot.chatbot.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.retention.RetentionProperties;
import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.crypto.Pseudonyms;
import org.faithbot.chatbot.system.instance.InstanceInfo;
import org.faithbot.chatbot.system.web.RequestIdFilter;
import org.slf4j.MDC;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.stereotype.Component;

import static org.faithbot.chatbot.system.dynamodb.Items.s;

/**
 * The audit trail of privacy actions (table {@code privacy-audit}): who (a keyed one-way pseudonym
 * of the user id, never the id, e-mail, name or any text of the user), what, when, and non-personal
 * details (purposes, counts, instance, request id). It holds no personal data, so it survives the
 * user's erasure without being a trace of them; with the key, the service can still show the user
 * their own entries. Counted in {@code privacy.actions} by action.
 */
@Component
public class PrivacyAuditTrail {

    private final DynamoDbClient dynamoDb;

    private final String table;

    private final Pseudonyms pseudonyms;

    private final InstanceInfo instance;

    private final RetentionProperties retention;

    private final MeterRegistry registry;

    private final Clock clock;

    PrivacyAuditTrail(DynamoDbClient dynamoDb, TableCatalog catalog, Pseudonyms pseudonyms, InstanceInfo instance,
            RetentionProperties retention, MeterRegistry registry, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.table = catalog.physicalName(TableCatalog.PRIVACY_AUDIT);
        this.pseudonyms = pseudonyms;
        this.instance = instance;
        this.retention = retention;
        this.registry = registry;
        this.clock = clock;
    }

    public void record(String userId, PrivacyAction action, Map<String, String> details) {
        Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, AttributeValue> detailValues = new LinkedHashMap<>();
        details.forEach((name, value) -> detailValues.put(name, s(value)));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("subjectRef", s(this.pseudonyms.ofUser(userId)));
        item.put("eventKey", s(String.format("%013d", now.toEpochMilli()) + "#" + UUID.randomUUID()));
        item.put("action", s(action.name()));
        item.put("occurredAt", Items.time(now));
        item.put("details", AttributeValue.fromM(detailValues));
        item.put("instanceId", s(this.instance.instanceId()));
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            item.put("requestId", s(requestId));
        }
        item.put(Items.EXPIRES_AT, Items.epochSeconds(now.plus(this.retention.privacyAudit())));
        this.dynamoDb.putItem(request -> request.tableName(this.table).item(item));
        this.registry.counter("privacy.actions", "action", action.name()).increment();
    }

    /** The user's entries, newest first (at most {@code limit}). */
    public List<AuditEntry> entriesOf(String userId, int limit) {
        Instant now = this.clock.instant();
        return this.dynamoDb
            .query(request -> request.tableName(this.table)
                .keyConditionExpression("subjectRef = :subject")
                .expressionAttributeValues(Map.of(":subject", s(this.pseudonyms.ofUser(userId))))
                .scanIndexForward(false)
                .limit(limit)
                .consistentRead(true))
            .items()
            .stream()
            .filter(item -> !Items.expired(item, now))
            .map(PrivacyAuditTrail::entry)
            .toList();
    }

    private static AuditEntry entry(Map<String, AttributeValue> item) {
        Map<String, String> details = new LinkedHashMap<>();
        AttributeValue stored = item.get("details");
        if (stored != null && stored.hasM()) {
            stored.m().forEach((name, value) -> details.put(name, value.s()));
        }
        return new AuditEntry(Items.string(item, "action"), Items.string(item, "occurredAt"), details);
    }
}
