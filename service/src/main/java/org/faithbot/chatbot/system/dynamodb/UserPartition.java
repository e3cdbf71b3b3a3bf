package org.faithbot.chatbot.system.dynamodb;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The operations on one user's whole partition of one table keyed by {@code userId}, for the
 * repository that owns the table ({@link UserKeyedTable}). Queries of the partition only, never a
 * Scan; every page through the SDK's paginators.
 */
public final class UserPartition {

    static final String USER_ID = "userId";

    private final TableDefinition table;

    private final String physicalName;

    private final DynamoDbClient dynamoDb;

    private final DynamoDbTable<EnhancedDocument> documents;

    private final BatchDeleter batchDeleter;

    private final ExpiredItemReaper reaper;

    UserPartition(TableDefinition table, String physicalName, DynamoDbClient dynamoDb,
            DynamoDbTable<EnhancedDocument> documents, BatchDeleter batchDeleter, ExpiredItemReaper reaper) {
        if (!USER_ID.equals(table.partitionKey().name())) {
            throw new IllegalArgumentException("table '" + table.name() + "' is not keyed by " + USER_ID);
        }
        this.table = table;
        this.physicalName = physicalName;
        this.dynamoDb = dynamoDb;
        this.documents = documents;
        this.batchDeleter = batchDeleter;
        this.reaper = reaper;
    }

    public String tableName() {
        return this.table.name();
    }

    /** Every item of the user's partition, every attribute: a strongly consistent Query, all pages. */
    public List<Map<String, AttributeValue>> items(String userId) {
        return this.dynamoDb.queryPaginator(request -> request.tableName(this.physicalName)
            .keyConditionExpression("userId = :userId")
            .expressionAttributeValues(Map.of(":userId", AttributeValue.fromS(userId)))
            .consistentRead(true))
            .items()
            .stream()
            .toList();
    }

    /**
     * Deletes every item of the user's partition: with a sort key, a strongly consistent Query of the
     * keys, each page deleted with BatchWriteItem (25 a request, unprocessed ones retried); without, a
     * DeleteItem of the one item. Returns how many were deleted.
     */
    public int deleteAll(String userId) {
        if (!this.table.hasSortKey()) {
            EnhancedDocument old = this.documents.deleteItem(Key.builder().partitionValue(userId).build());
            return (old != null) ? 1 : 0;
        }
        String sortKey = this.table.sortKey().name();
        QueryEnhancedRequest keysOfUser = QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(userId).build()))
            .attributesToProject(USER_ID, sortKey)
            .consistentRead(true)
            .build();
        int deleted = 0;
        for (Page<EnhancedDocument> page : this.documents.query(keysOfUser)) {
            List<Key> keys = page.items().stream().map(item -> key(item.toMap(), sortKey)).toList();
            deleted += this.batchDeleter.deleteAll(this.documents, keys);
        }
        return deleted;
    }

    /**
     * Deletes the user's expired items (a Query of the partition, filter {@code <ttl> < now}, keys
     * only, all pages), each on condition it is still expired. None for a table without a TTL.
     */
    public int deleteExpired(String userId, Instant now) {
        if (!this.table.hasTtl()) {
            return 0;
        }
        int deleted = 0;
        Iterable<Map<String, AttributeValue>> expired = this.dynamoDb.queryPaginator(request -> request
            .tableName(this.physicalName)
            .keyConditionExpression("userId = :userId")
            .filterExpression("#ttl < :now")
            .projectionExpression(this.table.hasSortKey() ? "userId, #sortKey" : "userId")
            .expressionAttributeNames(this.table.hasSortKey()
                    ? Map.of("#ttl", this.table.ttlAttribute(), "#sortKey", this.table.sortKey().name())
                    : Map.of("#ttl", this.table.ttlAttribute()))
            .expressionAttributeValues(
                    Map.of(":userId", AttributeValue.fromS(userId), ":now", Items.epochSeconds(now))))
            .items();
        for (Map<String, AttributeValue> item : expired) {
            if (this.reaper.deleteIfStillExpired(this.table, KeyOf.item(this.table, item))) {
                deleted++;
            }
        }
        return deleted;
    }

    private static Key key(Map<String, AttributeValue> attributes, String sortKey) {
        return Key.builder().partitionValue(attributes.get(USER_ID)).sortValue(attributes.get(sortKey)).build();
    }
}
