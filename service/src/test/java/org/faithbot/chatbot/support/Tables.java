package org.faithbot.chatbot.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.TableDefinition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/** Direct reads and writes of the test tables (Scan is fine here: tests only). */
public final class Tables {

    private Tables() {
    }

    public static String name(String logicalName) {
        return Dynalite.TABLE_PREFIX + logicalName;
    }

    public static void put(String logicalName, Map<String, AttributeValue> item) {
        try (DynamoDbClient dynamoDb = Dynalite.shared().client()) {
            dynamoDb.putItem(request -> request.tableName(name(logicalName)).item(item));
        }
    }

    /** Every item of the user's partition of a table keyed by userId. */
    public static List<Map<String, AttributeValue>> partition(String logicalName, String userId) {
        try (DynamoDbClient dynamoDb = Dynalite.shared().client()) {
            return dynamoDb
                .query(request -> request.tableName(name(logicalName))
                    .keyConditionExpression("userId = :u")
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId)))
                    .consistentRead(true))
                .items();
        }
    }

    public static Map<String, AttributeValue> get(String logicalName, Map<String, AttributeValue> key) {
        try (DynamoDbClient dynamoDb = Dynalite.shared().client()) {
            return dynamoDb.getItem(request -> request.tableName(name(logicalName)).key(key).consistentRead(true)).item();
        }
    }

    /** Every item of every table, by table, as text (to compare before and after). */
    public static Map<String, List<String>> snapshot() {
        Map<String, List<String>> snapshot = new TreeMap<>();
        try (DynamoDbClient dynamoDb = Dynalite.shared().client()) {
            for (TableDefinition table : TableCatalog.load(Dynalite.TABLE_PREFIX).tables()) {
                List<String> items = new ArrayList<>();
                Map<String, AttributeValue> start = null;
                do {
                    Map<String, AttributeValue> from = start;
                    ScanResponse page = dynamoDb.scan(request -> request.tableName(name(table.name()))
                        .exclusiveStartKey(from)
                        .consistentRead(true));
                    page.items().forEach(item -> items.add(new TreeMap<>(item).toString()));
                    start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
                }
                while (start != null);
                items.sort(null);
                snapshot.put(table.name(), items);
            }
        }
        return snapshot;
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
