package org.faithbot.chatbot.account;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.UserKeyedTable;
import org.faithbot.chatbot.system.dynamodb.UserPartition;
import org.faithbot.chatbot.system.dynamodb.UserPartitions;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import org.springframework.stereotype.Repository;

import static org.faithbot.chatbot.system.dynamodb.Items.s;

/**
 * The {@code consents} table: every consent decision of a user, kept as history (sort key
 * {@code <purpose>#<13-digit epoch millis>#<id>}); the current consent of a purpose is its latest record.
 */
@Repository
public class ConsentRepository implements UserKeyedTable {

    private final DynamoDbClient dynamoDb;

    private final String table;

    private final UserPartition partition;

    ConsentRepository(DynamoDbClient dynamoDb, TableCatalog catalog, UserPartitions partitions) {
        this.dynamoDb = dynamoDb;
        this.table = catalog.physicalName(TableCatalog.CONSENTS);
        this.partition = partitions.of(TableCatalog.CONSENTS);
    }

    public void record(String userId, ConsentRecord consent) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("userId", s(userId));
        item.put("consentKey", s(consent.purpose() + "#" + String.format("%013d", consent.recordedAt().toEpochMilli())
                + "#" + UUID.randomUUID()));
        item.put("purpose", s(consent.purpose()));
        item.put("version", s(consent.version()));
        item.put("granted", Items.bool(consent.granted()));
        item.put("recordedAt", Items.time(consent.recordedAt()));
        item.put("source", s(consent.source()));
        this.dynamoDb.putItem(request -> request.tableName(this.table).item(item));
    }

    /** Every record of the user, oldest first. */
    public List<ConsentRecord> history(String userId) {
        List<ConsentRecord> records = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = this.dynamoDb.query(request -> request.tableName(this.table)
                .keyConditionExpression("userId = :userId")
                .expressionAttributeValues(Map.of(":userId", s(userId)))
                .exclusiveStartKey(from)
                .consistentRead(true));
            page.items().forEach(item -> records.add(new ConsentRecord(Items.string(item, "purpose"),
                    Items.string(item, "version"), Items.flag(item, "granted"), Items.instant(item, "recordedAt"),
                    Items.string(item, "source"))));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        }
        while (start != null);
        records.sort(Comparator.comparing(ConsentRecord::recordedAt));
        return records;
    }

    /** The latest record of each purpose. */
    public static List<ConsentRecord> current(List<ConsentRecord> history) {
        Map<String, ConsentRecord> latest = new LinkedHashMap<>();
        history.forEach(record -> latest.put(record.purpose(), record));
        return List.copyOf(latest.values());
    }

    public static Instant latestTime(List<ConsentRecord> history) {
        return history.stream().map(ConsentRecord::recordedAt).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
    }

    @Override
    public String tableName() {
        return TableCatalog.CONSENTS;
    }

    @Override
    public UserPartition userPartition() {
        return this.partition;
    }
}
