package org.faithbot.chatbot.privacy;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.stereotype.Repository;

import static org.faithbot.chatbot.system.dynamodb.Items.s;

/**
 * The {@code privacy-audit} table: a subject's partition (a pseudonym, never a user id) holds their
 * entries, sort key {@code <13-digit epoch millis>#<id>}, so the newest come first when read backwards.
 */
@Repository
class PrivacyAuditRepository {

    private final DynamoDbClient dynamoDb;

    private final String table;

    PrivacyAuditRepository(DynamoDbClient dynamoDb, TableCatalog catalog) {
        this.dynamoDb = dynamoDb;
        this.table = catalog.physicalName(TableCatalog.PRIVACY_AUDIT);
    }

    /** Stores one entry (a PutItem under a new event key: the time, then a random id). */
    void save(String subjectRef, PrivacyAction action, Instant occurredAt, Map<String, String> details,
            String instanceId, @Nullable String requestId, Instant expiresAt) {
        Map<String, AttributeValue> detailValues = new LinkedHashMap<>();
        details.forEach((name, value) -> detailValues.put(name, s(value)));
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("subjectRef", s(subjectRef));
        item.put("eventKey", s(String.format("%013d", occurredAt.toEpochMilli()) + "#" + UUID.randomUUID()));
        item.put("action", s(action.name()));
        item.put("occurredAt", Items.time(occurredAt));
        item.put("details", AttributeValue.fromM(detailValues));
        item.put("instanceId", s(instanceId));
        if (requestId != null) {
            item.put("requestId", s(requestId));
        }
        item.put(Items.EXPIRES_AT, Items.epochSeconds(expiresAt));
        this.dynamoDb.putItem(request -> request.tableName(this.table).item(item));
    }

    /**
     * The subject's latest entries, newest first: one strongly consistent Query of at most
     * {@code limit}, expired ones left out.
     */
    List<AuditEntry> latest(String subjectRef, int limit, Instant now) {
        return this.dynamoDb
            .query(request -> request.tableName(this.table)
                .keyConditionExpression("subjectRef = :subject")
                .expressionAttributeValues(Map.of(":subject", s(subjectRef)))
                .scanIndexForward(false)
                .limit(limit)
                .consistentRead(true))
            .items()
            .stream()
            .filter(item -> !Items.expired(item, now))
            .map(PrivacyAuditRepository::entry)
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
