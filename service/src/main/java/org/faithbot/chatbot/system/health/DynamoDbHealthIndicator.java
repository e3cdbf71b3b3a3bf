package org.faithbot.chatbot.system.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.faithbot.chatbot.system.dynamodb.DynamoDbProperties;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.TableDefinition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableResponse;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * {@code dynamoDb} health (part of readiness): DescribeTable on every table of
 * {@code tables.json}, in parallel, each with a short time limit; DOWN if any call fails or a table
 * is not ACTIVE (or UPDATING). Indexes are not checked: a missing index fails only the listings
 * that use it.
 */
@Component("dynamoDbHealthIndicator")
class DynamoDbHealthIndicator implements HealthIndicator {

    private final DynamoDbClient dynamoDb;

    private final TableCatalog catalog;

    private final Duration timeout;

    DynamoDbHealthIndicator(DynamoDbClient dynamoDb, TableCatalog catalog, DynamoDbProperties properties) {
        this.dynamoDb = dynamoDb;
        this.catalog = catalog;
        this.timeout = properties.healthCheckTimeout();
    }

    /** Describes the tables in parallel (virtual threads), so a down data store answers within one timeout. */
    @Override
    public Health health() {
        Map<String, Future<String>> pending = new LinkedHashMap<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (TableDefinition table : this.catalog.tables()) {
                String physicalName = this.catalog.physicalName(table);
                pending.put(physicalName, executor.submit(() -> describe(physicalName)));
            }
        }
        Map<String, String> tables = new LinkedHashMap<>();
        boolean up = true;
        for (Map.Entry<String, Future<String>> table : pending.entrySet()) {
            String status = table.getValue().resultNow();
            tables.put(table.getKey(), status);
            up &= TableStatus.ACTIVE.toString().equals(status) || TableStatus.UPDATING.toString().equals(status);
        }
        return (up ? Health.up() : Health.down()).withDetail("tables", tables).build();
    }

    private String describe(String physicalName) {
        try {
            DescribeTableResponse response = this.dynamoDb.describeTable(request -> request.tableName(physicalName)
                .overrideConfiguration(override -> override.apiCallTimeout(this.timeout)
                    .apiCallAttemptTimeout(this.timeout)));
            return response.table().tableStatusAsString();
        }
        catch (RuntimeException ex) {
            return "UNAVAILABLE: " + ex.getClass().getSimpleName();
        }
    }
}
