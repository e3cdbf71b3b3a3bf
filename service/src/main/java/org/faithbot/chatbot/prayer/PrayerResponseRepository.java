package org.faithbot.chatbot.prayer;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.UserKeyedTable;
import org.faithbot.chatbot.system.dynamodb.UserPartition;
import org.faithbot.chatbot.system.dynamodb.UserPartitions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.stereotype.Repository;

import static org.faithbot.chatbot.system.dynamodb.Items.s;

/**
 * The {@code prayer-responses} table: a response lives in its author's (the team member's)
 * partition, so it is exported and erased with the member; the index {@code byPrayer} lists a
 * prayer's responses for its author. A response never holds the prayer author's id.
 */
@Repository
public class PrayerResponseRepository implements UserKeyedTable {

    static final String BY_PRAYER = "byPrayer";

    private final DynamoDbClient dynamoDb;

    private final String table;

    private final UserPartition partition;

    PrayerResponseRepository(DynamoDbClient dynamoDb, TableCatalog catalog, UserPartitions partitions) {
        this.dynamoDb = dynamoDb;
        this.table = catalog.physicalName(TableCatalog.PRAYER_RESPONSES);
        this.partition = partitions.of(TableCatalog.PRAYER_RESPONSES);
    }

    public void save(String responderId, String responseId, String prayerId, String text, Instant createdAt,
            Instant expiresAt) {
        this.dynamoDb.putItem(request -> request.tableName(this.table)
            .item(Map.of("userId", s(responderId), "responseId", s(responseId), "prayerId", s(prayerId), "text",
                    s(text), "createdAt", Items.time(createdAt), Items.EXPIRES_AT, Items.epochSeconds(expiresAt))));
    }

    /** Every response to a prayer, oldest first (index {@code byPrayer}, all pages). */
    public List<Map<String, AttributeValue>> toPrayer(String prayerId) {
        return this.dynamoDb.queryPaginator(request -> request.tableName(this.table)
            .indexName(BY_PRAYER)
            .keyConditionExpression("prayerId = :prayerId")
            .expressionAttributeValues(Map.of(":prayerId", s(prayerId))))
            .items()
            .stream()
            .toList();
    }

    public void delete(String responderId, String responseId) {
        this.dynamoDb.deleteItem(request -> request.tableName(this.table)
            .key(Map.of("userId", s(responderId), "responseId", s(responseId))));
    }

    @Override
    public String tableName() {
        return TableCatalog.PRAYER_RESPONSES;
    }

    @Override
    public UserPartition userPartition() {
        return this.partition;
    }
}
