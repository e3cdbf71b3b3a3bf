package org.faithbot.chatbot.retention;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.faithbot.chatbot.system.cache.PersonalDataCache;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.TableDefinition;
import org.faithbot.chatbot.system.dynamodb.UserKeyedTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Deletes a user's expired items (retention ran out) from every table keyed by {@code userId} with a
 * TTL attribute, through the repository that owns the table ({@link UserKeyedTables}): a Query of
 * the user's partition per table (filter {@code expiresAt < now}, keys only; never a Scan), each
 * found item deleted on condition it is still expired. Runs in the
 * background when the user is active, at most once per {@code chatbot.retention.user-sweep-interval}
 * per user and instance (remembered in memory, an in-process cache of user ids that erasure
 * clears). DynamoDB's TTL does the same in AWS; locally it is the only deletion besides the
 * delete-on-read of the listings.
 */
@Component
public class UserRetentionSweeper implements PersonalDataCache {

    static final int MAX_CONCURRENT_SWEEPS = 2;

    private static final Logger log = LoggerFactory.getLogger(UserRetentionSweeper.class);

    private final TableCatalog catalog;

    private final UserKeyedTables tables;

    private final Clock clock;

    private final Cache<String, Instant> sweptRecently;

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    private final AtomicInteger running = new AtomicInteger();

    /** At most this many sweeps run at once, so a burst of new users never crowds out the requests. */
    private final Semaphore slots = new Semaphore(MAX_CONCURRENT_SWEEPS);

    UserRetentionSweeper(TableCatalog catalog, UserKeyedTables tables, RetentionProperties retention, Clock clock) {
        this.catalog = catalog;
        this.tables = tables;
        this.clock = clock;
        this.sweptRecently = Caffeine.newBuilder()
            .expireAfterWrite(retention.userSweepInterval())
            .maximumSize(100_000)
            .build();
    }

    /**
     * Sweeps the user's partitions in the background, unless that was done within the interval or
     * the sweeps' slots are all busy (then a later activity of the user sweeps).
     */
    public void sweepSoon(String userId) {
        if (this.sweptRecently.asMap().putIfAbsent(userId, this.clock.instant()) != null) {
            return;
        }
        if (!this.slots.tryAcquire()) {
            this.sweptRecently.invalidate(userId);
            return;
        }
        this.running.incrementAndGet();
        this.executor.execute(() -> {
            try {
                sweep(userId);
            }
            catch (RuntimeException ex) {
                this.sweptRecently.invalidate(userId);
                log.warn("Retention sweep of a user's partitions failed: {}", ex.getClass().getSimpleName());
            }
            finally {
                this.slots.release();
                this.running.decrementAndGet();
            }
        });
    }

    /** Counts the user's partitions as swept now, without reading them (a new user: nothing of theirs can have expired). */
    public void sweptJustNow(String userId) {
        this.sweptRecently.put(userId, this.clock.instant());
    }

    /** Sweeps now (same thread) and returns how many expired items were deleted. */
    public int sweep(String userId) {
        Instant now = this.clock.instant();
        int deleted = 0;
        for (TableDefinition table : this.catalog.tables()) {
            if (table.hasTtl() && UserKeyedTables.keyedByUser(table)) {
                deleted += this.tables.of(table).deleteExpiredOf(userId, now);
            }
        }
        return deleted;
    }

    /** Sweeps still running in the background. */
    public int running() {
        return this.running.get();
    }

    @Override
    public String cacheName() {
        return "retention-sweep-tracker";
    }

    @Override
    public boolean holds(String userId) {
        return this.sweptRecently.getIfPresent(userId) != null;
    }

    @Override
    public void evict(String userId) {
        this.sweptRecently.invalidate(userId);
    }
}
