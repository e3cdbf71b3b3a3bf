package org.faithbot.verification.recovery;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A bad release that corrupts data while the service stays up: it overwrites the text of every
 * {@code overwriteEvery}-th message and deletes every {@code deleteEvery}-th one, directly in the
 * messages table (batch writes, as a faulty migration job would). The service stays healthy, so
 * nothing but the data shows the damage.
 */
public final class BadRelease implements Disaster {

    public static final String CORRUPTED_TEXT = "\u0000 corrupted by release 2.3.1-bad \u0000";
    private static final int BATCH = 25;

    private final int overwriteEvery;
    private final int deleteEvery;
    private int overwritten;
    private int deleted;

    public BadRelease(int overwriteEvery, int deleteEvery) {
        this.overwriteEvery = overwriteEvery;
        this.deleteEvery = deleteEvery;
    }

    @Override
    public String description() {
        return "data corrupted by a bad release (every " + ordinal(overwriteEvery) + " message overwritten, every " + ordinal(deleteEvery)
                + " deleted)";
    }

    @Override
    public void strike(DynamoDbClient dynamoDb, String tablePrefix) {
        String table = tablePrefix + TableReader.MESSAGES;
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamoDb.scanPaginator(ScanRequest.builder().tableName(table).build()).items().forEach(items::add);
        items.sort(Comparator.comparing(i -> i.get("userId").s() + "|" + i.get("messageKey").s()));
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            Map<String, AttributeValue> item = items.get(i);
            if (i % deleteEvery == 0) {
                Map<String, AttributeValue> key = Map.of("userId", item.get("userId"), "messageKey", item.get("messageKey"));
                writes.add(WriteRequest.builder().deleteRequest(DeleteRequest.builder().key(key).build()).build());
                deleted++;
            } else if (i % overwriteEvery == 0) {
                Map<String, AttributeValue> corrupted = new HashMap<>(item);
                corrupted.put("text", AttributeValue.fromS(CORRUPTED_TEXT));
                writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(corrupted).build()).build());
                overwritten++;
            }
        }
        for (int from = 0; from < writes.size(); from += BATCH) {
            List<WriteRequest> batch = writes.subList(from, Math.min(writes.size(), from + BATCH));
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> request = pending;
                BatchWriteItemResponse response = dynamoDb.batchWriteItem(r -> r.requestItems(request));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }

    public int overwritten() {
        return overwritten;
    }

    public int deleted() {
        return deleted;
    }

    private static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }
}
