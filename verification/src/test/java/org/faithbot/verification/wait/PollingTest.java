package org.faithbot.verification.wait;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The one polling helper: a condition that comes true is seen, one that never does times out, a hopeless wait ends early. */
class PollingTest {

    @Test
    void aConditionThatComesTrueIsSeenAfterItsLooks() {
        AtomicInteger looks = new AtomicInteger();

        assertThat(Polling.until(Duration.ofSeconds(5), Duration.ofMillis(10), () -> looks.incrementAndGet() >= 3)).isTrue();
        assertThat(looks).hasValue(3);
    }

    @Test
    void aConditionThatNeverHoldsTimesOut() {
        long started = System.nanoTime();

        assertThat(Polling.until(Duration.ofMillis(200), Duration.ofMillis(20), () -> false)).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void aHopelessWaitGivesUpBeforeItsTimeout() {
        AtomicInteger looks = new AtomicInteger();

        assertThat(Polling.until(Duration.ofSeconds(30), Duration.ofMillis(10), () -> false, () -> looks.incrementAndGet() >= 2)).isFalse();
        assertThat(looks.get()).isLessThan(10);
    }
}
