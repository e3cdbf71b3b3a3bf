package org.faithbot.chatbot.system.dynamodb;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Deletes items whose retention ran out when a read meets them (in the background, on virtual
 * threads), with a condition that they are still expired, so a concurrent update that extended
 * them wins. DynamoDB's TTL does the same in AWS, but later and never in the local emulator; the
 * readers filter expired items out either way. Counted in {@code retention.expired.deleted}.
 */
public class ExpiredItemReaper {

    private static final Logger log = LoggerFactory.getLogger(ExpiredItemReaper.class);

    private final DynamoDbClient dynamoDb;

    private final TableCatalog catalog;

    private final Clock clock;

    private final MeterRegistry registry;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private final AtomicInteger inFlight = new AtomicInteger();

    public ExpiredItemReaper(DynamoDbClient dynamoDb, TableCatalog catalog, Clock clock, MeterRegistry registry) {
        this.dynamoDb = dynamoDb;
        this.catalog = catalog;
        this.clock = clock;
        this.registry = registry;
    }

    /** Deletes the expired item (of a table with a TTL attribute) in the background. */
    public void reap(String logicalTable, Map<String, AttributeValue> item) {
        TableDefinition table = this.catalog.table(logicalTable);
        if (!table.hasTtl()) {
            return;
        }
        Map<String, AttributeValue> key = KeyOf.item(table, item);
        this.inFlight.incrementAndGet();
        this.executor.execute(() -> {
            try {
                deleteIfStillExpired(table, key);
            }
            finally {
                this.inFlight.decrementAndGet();
            }
        });
    }

    /** Deletes now (same thread) and returns whether the item was deleted. */
    public boolean deleteIfStillExpired(TableDefinition table, Map<String, AttributeValue> key) {
        try {
            this.dynamoDb.deleteItem(request -> request.tableName(this.catalog.physicalName(table))
                .key(key)
                .conditionExpression("#ttl < :now")
                .expressionAttributeNames(Map.of("#ttl", table.ttlAttribute()))
                .expressionAttributeValues(Map.of(":now", Items.epochSeconds(this.clock.instant()))));
            this.registry.counter("retention.expired.deleted", "table", table.name()).increment();
            return true;
        }
        catch (ConditionalCheckFailedException goneOrExtended) {
            return false;
        }
        catch (RuntimeException ex) {
            log.warn("Could not delete an expired item of {}: {}", table.name(), ex.getClass().getSimpleName());
            return false;
        }
    }

    /** Deletions still running in the background (for tests and shutdown). */
    public int inFlight() {
        return this.inFlight.get();
    }
}
