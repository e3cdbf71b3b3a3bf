package org.faithbot.chatbot.prayer;

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

import org.springframework.stereotype.Repository;

import static org.faithbot.chatbot.system.dynamodb.Items.s;

/**
 * The {@code prayer-flags} table: a report lives in its reporter's partition (one per reporter and
 * prayer, its id derived from both); open reports carry {@code reportStatus=OPEN} for the
 * moderators' index {@code openReports}; {@code byPrayer} finds a prayer's reports.
 */
@Repository
public class PrayerFlagRepository implements UserKeyedTable {

    static final String BY_PRAYER = "byPrayer";

    static final String OPEN_REPORTS = "openReports";

    static final String OPEN = "OPEN";

    static final String RESOLVED = "RESOLVED";

    private final DynamoDbClient dynamoDb;

    private final String table;

    private final UserPartition partition;

    PrayerFlagRepository(DynamoDbClient dynamoDb, TableCatalog catalog, UserPartitions partitions) {
        this.dynamoDb = dynamoDb;
        this.table = catalog.physicalName(TableCatalog.PRAYER_FLAGS);
        this.partition = partitions.of(TableCatalog.PRAYER_FLAGS);
    }

    /** Stores a report unless the reporter already reported the prayer (conditional put). */
    public boolean create(String reporterId, String flagId, String prayerId, String reason, Instant createdAt,
            Instant dueAt, Instant expiresAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", s(reporterId));
        item.put("flagId", s(flagId));
        item.put("prayerId", s(prayerId));
        item.put("reason", s(reason));
        item.put("status", s(OPEN));
        item.put("reportStatus", s(OPEN));
        item.put("createdAt", Items.time(createdAt));
        item.put("dueAt", Items.time(dueAt));
        item.put(Items.EXPIRES_AT, Items.epochSeconds(expiresAt));
        try {
            this.dynamoDb.putItem(request -> request.tableName(this.table)
                .item(item)
                .conditionExpression("attribute_not_exists(flagId)"));
            return true;
        }
        catch (ConditionalCheckFailedException alreadyReported) {
            return false;
        }
    }

    public Optional<Map<String, AttributeValue>> find(String reporterId, String flagId) {
        Map<String, AttributeValue> item = this.dynamoDb
            .getItem(request -> request.tableName(this.table)
                .key(Map.of("userId", s(reporterId), "flagId", s(flagId)))
                .consistentRead(true))
            .item();
        return (item == null || item.isEmpty()) ? Optional.empty() : Optional.of(item);
    }

    /** Open reports, oldest first (index {@code openReports}). */
    public QueryPage open(int limit, @Nullable Map<String, AttributeValue> startKey) {
        QueryResponse response = this.dynamoDb.query(request -> request.tableName(this.table)
            .indexName(OPEN_REPORTS)
            .keyConditionExpression("reportStatus = :open")
            .expressionAttributeValues(Map.of(":open", s(OPEN)))
            .scanIndexForward(true)
            .limit(limit)
            .exclusiveStartKey(startKey));
        return new QueryPage(response.items(), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }

    /** The keys (reporter, flag id, created time) of every report of a prayer (index {@code byPrayer}). */
    public List<Map<String, AttributeValue>> ofPrayer(String prayerId) {
        return this.dynamoDb.queryPaginator(request -> request.tableName(this.table)
            .indexName(BY_PRAYER)
            .keyConditionExpression("prayerId = :prayerId")
            .expressionAttributeValues(Map.of(":prayerId", s(prayerId))))
            .items()
            .stream()
            .toList();
    }

    /** Resolves an open report; false when it was not open. */
    public boolean resolve(String reporterId, String flagId, String resolution, Instant at) {
        try {
            this.dynamoDb.updateItem(request -> request.tableName(this.table)
                .key(Map.of("userId", s(reporterId), "flagId", s(flagId)))
                .updateExpression("SET #status = :resolved, resolvedAt = :at, #resolution = :resolution REMOVE reportStatus")
                .conditionExpression("reportStatus = :open")
                .expressionAttributeNames(Map.of("#status", "status", "#resolution", "resolution"))
                .expressionAttributeValues(Map.of(":resolved", s(RESOLVED), ":open", s(OPEN), ":at", Items.time(at),
                        ":resolution", s(resolution))));
            return true;
        }
        catch (ConditionalCheckFailedException notOpen) {
            return false;
        }
    }

    public void delete(String reporterId, String flagId) {
        this.dynamoDb.deleteItem(request -> request.tableName(this.table)
            .key(Map.of("userId", s(reporterId), "flagId", s(flagId))));
    }

    @Override
    public String tableName() {
        return TableCatalog.PRAYER_FLAGS;
    }

    @Override
    public UserPartition userPartition() {
        return this.partition;
    }
}
