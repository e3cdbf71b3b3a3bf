package org.faithbot.chatbot.system.ratelimit;

import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PerUserRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    private final PerUserRateLimiter limiter = new PerUserRateLimiter(new RateLimitProperties(true, 60), this.registry,
            this.nanos::get);

    @Test
    void allowsAMinutesWorthInABurstThenOneARefill() {
        for (int i = 0; i < 60; i++) {
            assertThat(this.limiter.acquire("u").allowed()).isTrue();
        }
        PerUserRateLimiter.Decision refused = this.limiter.acquire("u");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(this.registry.get("ratelimit.rejected").counter().count()).isEqualTo(1);

        this.nanos.addAndGet(1_000_000_000L);
        assertThat(this.limiter.acquire("u").allowed()).isTrue();
        assertThat(this.limiter.acquire("u").allowed()).isFalse();
    }

    @Test
    void eachUserHasTheirOwnBucketAndErasureDropsIt() {
        for (int i = 0; i < 60; i++) {
            this.limiter.acquire("busy");
        }
        assertThat(this.limiter.acquire("busy").allowed()).isFalse();
        assertThat(this.limiter.acquire("quiet").allowed()).isTrue();
        assertThat(this.limiter.holds("busy")).isTrue();
        this.limiter.evict("busy");
        assertThat(this.limiter.holds("busy")).isFalse();
    }
}
