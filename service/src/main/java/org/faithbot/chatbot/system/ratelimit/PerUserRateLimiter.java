package org.faithbot.chatbot.system.ratelimit;

import java.time.Duration;
import java.util.function.LongSupplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.system.cache.PersonalDataCache;

/**
 * One {@link TokenBucket} per user, kept in memory while the user is active (a bucket idle for two
 * minutes is full again anyway, so it is dropped). Refusals are counted in
 * {@code ratelimit.rejected}.
 */
public class PerUserRateLimiter implements PersonalDataCache {

    private final Cache<String, TokenBucket> buckets = Caffeine.newBuilder()
        .expireAfterAccess(Duration.ofMinutes(2))
        .maximumSize(200_000)
        .build();

    private final RateLimitProperties properties;

    private final LongSupplier nanoClock;

    private final Counter rejected;

    public PerUserRateLimiter(RateLimitProperties properties, MeterRegistry registry) {
        this(properties, registry, System::nanoTime);
    }

    PerUserRateLimiter(RateLimitProperties properties, MeterRegistry registry, LongSupplier nanoClock) {
        this.properties = properties;
        this.nanoClock = nanoClock;
        this.rejected = Counter.builder("ratelimit.rejected")
            .description("Requests refused by the per-user rate limit")
            .register(registry);
    }

    /** Takes a request from the user's allowance. */
    public Decision acquire(String userId) {
        long now = this.nanoClock.getAsLong();
        TokenBucket bucket = this.buckets.get(userId, key -> new TokenBucket(this.properties.requestsPerMinute(), now));
        long wait = bucket.tryTake(now);
        if (wait > 0) {
            this.rejected.increment();
        }
        return new Decision(wait == 0, bucket.capacity(), bucket.remaining(now), Duration.ofNanos(wait));
    }

    public boolean enabled() {
        return this.properties.enabled();
    }

    @Override
    public String cacheName() {
        return "rate-limit-buckets";
    }

    @Override
    public boolean holds(String userId) {
        return this.buckets.getIfPresent(userId) != null;
    }

    @Override
    public void evict(String userId) {
        this.buckets.invalidate(userId);
    }

    /** Whether the request may go on, the limit, what is left and, when refused, how long to wait. */
    public record Decision(boolean allowed, int limit, int remaining, Duration retryAfter) {

        public long retryAfterSeconds() {
            return Math.max(1, (long) Math.ceil(this.retryAfter.toNanos() / 1_000_000_000.0));
        }
    }
}
