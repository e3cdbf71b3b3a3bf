package org.faithbot.chatbot.safety;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.QueryPage;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.UserKeyedTable;
import org.faithbot.chatbot.system.dynamodb.UserPartition;
import org.faithbot.chatbot.system.dynamodb.UserPartitions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

import org.springframework.stereotype.Repository;

import static org.faithbot.chatbot.system.dynamodb.Items.n;
import static org.faithbot.chatbot.system.dynamodb.Items.s;

/**
 * The {@code escalations} table: the user's partition holds their escalations; the index
 * {@code byStatus} lists them for the support team (oldest first), {@code byEscalationId} finds one by id.
 */
@Repository
public class EscalationRepository implements UserKeyedTable {

    static final String BY_STATUS = "byStatus";

    static final String BY_ESCALATION_ID = "byEscalationId";

    private final DynamoDbClient dynamoDb;

    private final String table;

    private final UserPartition partition;

    EscalationRepository(DynamoDbClient dynamoDb, TableCatalog catalog, UserPartitions partitions) {
        this.dynamoDb = dynamoDb;
        this.table = catalog.physicalName(TableCatalog.ESCALATIONS);
        this.partition = partitions.of(TableCatalog.ESCALATIONS);
    }

    /** Stores a new escalation unless one of that id exists (conditional put). */
    public boolean createIfAbsent(Escalation escalation, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", s(escalation.userId()));
        item.put("escalationId", s(escalation.escalationId()));
        item.put("category", s(escalation.category()));
        item.put("source", s(escalation.source()));
        item.put("sourceId", s(escalation.sourceId()));
        item.put("status", s(escalation.status()));
        item.put("createdAt", Items.time(escalation.createdAt()));
        item.put("dueAt", Items.time(escalation.dueAt()));
        item.put("lastSignalAt", Items.time(escalation.lastSignalAt()));
        item.put("signalCount", n(escalation.signalCount()));
        item.put(Items.EXPIRES_AT, Items.epochSeconds(expiresAt));
        try {
            this.dynamoDb.putItem(request -> request.tableName(this.table)
                .item(item)
                .conditionExpression("attribute_not_exists(escalationId)"));
            return true;
        }
        catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    /** Counts one more signal of an existing escalation; returns it as it now is. */
    public Escalation recordSignal(String userId, String escalationId, Instant at) {
        Map<String, AttributeValue> item = this.dynamoDb.updateItem(request -> request.tableName(this.table)
            .key(key(userId, escalationId))
            .updateExpression("SET lastSignalAt = :at ADD signalCount :one")
            .conditionExpression("attribute_exists(escalationId)")
            .expressionAttributeValues(Map.of(":at", Items.time(at), ":one", n(1)))
            .returnValues(ReturnValue.ALL_NEW)).attributes();
        return fromItem(item);
    }

    /** Opens an acknowledged escalation again with a new due time; false when it was not acknowledged. */
    public boolean reopen(String userId, String escalationId, Instant at, Instant dueAt) {
        try {
            this.dynamoDb.updateItem(request -> request.tableName(this.table)
                .key(key(userId, escalationId))
                .updateExpression("SET #status = :open, reopenedAt = :at, dueAt = :due")
                .conditionExpression("#status = :acknowledged")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":open", s(Escalation.OPEN), ":acknowledged",
                        s(Escalation.ACKNOWLEDGED), ":at", Items.time(at), ":due", Items.time(dueAt))));
            return true;
        }
        catch (ConditionalCheckFailedException notAcknowledged) {
            return false;
        }
    }

    /** Marks an open escalation acknowledged; false when it was not open. */
    public boolean acknowledge(String userId, String escalationId, Instant at, String acknowledgedBy) {
        try {
            this.dynamoDb.updateItem(request -> request.tableName(this.table)
                .key(key(userId, escalationId))
                .updateExpression("SET #status = :acknowledged, acknowledgedAt = :at, acknowledgedBy = :by")
                .conditionExpression("#status = :open")
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":open", s(Escalation.OPEN), ":acknowledged",
                        s(Escalation.ACKNOWLEDGED), ":at", Items.time(at), ":by", s(acknowledgedBy))));
            return true;
        }
        catch (ConditionalCheckFailedException notOpen) {
            return false;
        }
    }

    public Optional<Escalation> find(String userId, String escalationId) {
        Map<String, AttributeValue> item = this.dynamoDb
            .getItem(request -> request.tableName(this.table).key(key(userId, escalationId)).consistentRead(true))
            .item();
        return (item == null || item.isEmpty()) ? Optional.empty() : Optional.of(fromItem(item));
    }

    /** The user id of an escalation, looked up by id in the index {@code byEscalationId}. */
    public Optional<String> ownerOf(String escalationId) {
        List<Map<String, AttributeValue>> items = this.dynamoDb.query(request -> request.tableName(this.table)
            .indexName(BY_ESCALATION_ID)
            .keyConditionExpression("escalationId = :id")
            .expressionAttributeValues(Map.of(":id", s(escalationId)))
            .limit(1)).items();
        return items.stream().map(item -> Items.string(item, "userId")).findFirst();
    }

    /** Escalations of a status, oldest first, one page of the index {@code byStatus}. */
    public QueryPage byStatus(String status, int limit, @Nullable Map<String, AttributeValue> startKey) {
        QueryResponse response = this.dynamoDb.query(request -> request.tableName(this.table)
            .indexName(BY_STATUS)
            .keyConditionExpression("#status = :status")
            .expressionAttributeNames(Map.of("#status", "status"))
            .expressionAttributeValues(Map.of(":status", s(status)))
            .scanIndexForward(true)
            .limit(limit)
            .exclusiveStartKey(startKey));
        return new QueryPage(response.items(), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }

    public static Escalation fromItem(Map<String, AttributeValue> item) {
        return new Escalation(Items.string(item, "escalationId"), Items.string(item, "userId"),
                Items.string(item, "category"), Items.string(item, "source"), Items.string(item, "sourceId"),
                Items.string(item, "status"), Items.instant(item, "createdAt"), Items.instant(item, "dueAt"),
                Items.instant(item, "acknowledgedAt"), Items.number(item, "signalCount"),
                Items.instant(item, "lastSignalAt"), Items.instant(item, "reopenedAt"));
    }

    private static Map<String, AttributeValue> key(String userId, String escalationId) {
        return Map.of("userId", s(userId), "escalationId", s(escalationId));
    }

    @Override
    public String tableName() {
        return TableCatalog.ESCALATIONS;
    }

    @Override
    public UserPartition userPartition() {
        return this.partition;
    }
}
