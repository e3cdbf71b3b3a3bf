package org.faithbot.chatbot.system.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.faithbot.chatbot.system.dynamodb.DynamoDbActivity;
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
 * that use it. While the service's own calls are being answered ({@code health-recent-success}, 3 s)
 * that is evidence enough and nothing is asked: a busy data store answering slowly is not down, and
 * readiness checks must not take every instance out of rotation at once under load. Without such
 * evidence (an idle instance, or calls failing) the tables are described, and that result is reused
 * for {@code health-check-cache} (1 s), however often the balancer and the operators ask.
 */
@Component("dynamoDbHealthIndicator")
class DynamoDbHealthIndicator implements HealthIndicator {

    private final DynamoDbClient dynamoDb;

    private final TableCatalog catalog;

    private final Duration timeout;

    private final Duration reuseFor;

    private final Duration recentEnough;

    private final DynamoDbActivity activity;

    private Health last;

    private long lastAtNanos;

    DynamoDbHealthIndicator(DynamoDbClient dynamoDb, TableCatalog catalog, DynamoDbProperties properties,
            DynamoDbActivity activity) {
        this.dynamoDb = dynamoDb;
        this.catalog = catalog;
        this.timeout = properties.healthCheckTimeout();
        this.reuseFor = properties.healthCheckCache();
        this.recentEnough = properties.healthRecentSuccess();
        this.activity = activity;
    }

    /** The last result while it is fresh; otherwise one caller checks while the others wait for its result. */
    @Override
    public synchronized Health health() {
        Optional<Duration> sinceSuccess = this.activity.sinceLastSuccess();
        if (this.last != null && sinceSuccess.isPresent() && sinceSuccess.get().compareTo(this.recentEnough) < 0) {
            return Health.up()
                .withDetail("lastAnsweredCallMillisAgo", sinceSuccess.get().toMillis())
                .withDetail("tablesDescribedMillisAgo", Duration.ofNanos(System.nanoTime() - this.lastAtNanos).toMillis())
                .withDetails(this.last.getDetails())
                .build();
        }
        // elapsed time on the monotonic clock: the service's Clock bean may be a test's fixed clock
        if (this.last == null || System.nanoTime() - this.lastAtNanos >= this.reuseFor.toNanos()) {
            this.last = check();
            this.lastAtNanos = System.nanoTime();
        }
        return this.last;
    }

    /** Describes the tables in parallel (virtual threads), so a down data store answers within one timeout. */
    private Health check() {
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
