package org.faithbot.chatbot.system.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Puts up to 25 items of one table in one BatchWriteItem (a single round trip), retrying the
 * unprocessed items with exponential backoff and jitter.
 */
public class BatchWriter {

    static final int MAX_ITEMS = 25;

    static final int MAX_ATTEMPTS = 8;

    private final DynamoDbClient dynamoDb;

    public BatchWriter(DynamoDbClient dynamoDb) {
        this.dynamoDb = dynamoDb;
    }

    public void putAll(String physicalTable, List<Map<String, AttributeValue>> items) {
        if (items.size() > MAX_ITEMS) {
            throw new IllegalArgumentException("a batch holds at most " + MAX_ITEMS + " items");
        }
        List<WriteRequest> pending = items.stream()
            .map(item -> WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build())
            .toList();
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IncompleteBatchException(physicalTable, pending.size(), MAX_ATTEMPTS);
            }
            if (attempt > 1) {
                backOff(attempt);
            }
            List<WriteRequest> batch = pending;
            BatchWriteItemResponse response = this.dynamoDb
                .batchWriteItem(request -> request.requestItems(Map.of(physicalTable, batch)));
            pending = response.hasUnprocessedItems() ? response.unprocessedItems().getOrDefault(physicalTable, List.of())
                    : List.of();
        }
    }

    private static void backOff(int attempt) {
        long ceiling = Math.min(800, 25L << Math.min(attempt - 2, 10));
        try {
            Thread.sleep(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a batch write", ex);
        }
    }
}
