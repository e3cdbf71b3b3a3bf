package org.faithbot.chatbot.system.dynamodb;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * Deletes items by key with BatchWriteItem, 25 keys a request (the DynamoDB limit), retrying the
 * unprocessed keys with exponential backoff and jitter. Uses an enhanced client without extensions.
 */
public class BatchDeleter {

    static final int MAX_KEYS_PER_BATCH = 25;

    static final int MAX_ATTEMPTS = 8;

    private static final Duration BASE_BACKOFF = Duration.ofMillis(25);

    private static final Duration MAX_BACKOFF = Duration.ofMillis(800);

    private final DynamoDbEnhancedClient client;

    public BatchDeleter(DynamoDbEnhancedClient client) {
        this.client = client;
    }

    /** Deletes every key (keys must be distinct) and returns how many were deleted. */
    public int deleteAll(DynamoDbTable<EnhancedDocument> table, List<Key> keys) {
        for (int from = 0; from < keys.size(); from += MAX_KEYS_PER_BATCH) {
            deleteBatch(table, keys.subList(from, Math.min(from + MAX_KEYS_PER_BATCH, keys.size())));
        }
        return keys.size();
    }

    private void deleteBatch(DynamoDbTable<EnhancedDocument> table, List<Key> batch) {
        List<Key> pending = batch;
        for (int attempt = 1; !pending.isEmpty(); attempt++) {
            if (attempt > MAX_ATTEMPTS) {
                throw new IncompleteBatchException(table.tableName(), pending.size(), MAX_ATTEMPTS);
            }
            if (attempt > 1) {
                backOff(attempt);
            }
            WriteBatch.Builder<EnhancedDocument> writes = WriteBatch.builder(EnhancedDocument.class)
                .mappedTableResource(table);
            pending.forEach(writes::addDeleteItem);
            BatchWriteResult result = this.client.batchWriteItem(request -> request.addWriteBatch(writes.build()));
            pending = result.unprocessedDeleteItemsForTable(table);
        }
    }

    private static void backOff(int attempt) {
        long ceiling = Math.min(MAX_BACKOFF.toMillis(), BASE_BACKOFF.toMillis() << Math.min(attempt - 2, 10));
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            Thread.sleep(delay);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a batch delete", ex);
        }
    }
}
