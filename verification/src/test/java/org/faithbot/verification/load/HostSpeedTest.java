package org.faithbot.verification.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The host-speed probe times its two workloads in CPU time, and reports the medians of the window. */
class HostSpeedTest {

    @Test
    void eachMeasureIsTheMedianOfTheSamplesInTheWindow() {
        HostSpeed speed = HostSpeed.of(List.of(new long[] {100, 300}, new long[] {110, 200}, new long[] {900, 250},
                new long[] {120, 9000}, new long[] {130, 210}));
        assertThat(speed.samples()).isEqualTo(5);
        assertThat(speed.computeMicros()).isEqualTo(120);
        assertThat(speed.memoryNanos()).isEqualTo(250);
        assertThat(speed.measured()).isTrue();
    }

    @Test
    void noSamplesIsNotMeasuredRatherThanFast() {
        HostSpeed speed = HostSpeed.of(List.of());
        assertThat(speed.measured()).isFalse();
        assertThat(speed.computeMicros()).isNaN();
        assertThat(speed.describe()).contains("not measured");
    }

    @Test
    void theMemoryWalkVisitsEveryIndexInOneCycle() {
        int[] next = HostSpeed.randomCycle(1000, 7);
        boolean[] seen = new boolean[next.length];
        int at = 0;
        for (int step = 0; step < next.length; step++) {
            assertThat(seen[at]).as("index %d visited twice before the cycle closed", at).isFalse();
            seen[at] = true;
            at = next[at];
        }
        assertThat(at).as("back at the start after every index").isZero();
    }

    @Test
    void theProbeTimesItsWorkloadUntilStopped() {
        long from = System.nanoTime();
        HostSpeed.Probe probe = new HostSpeed.Probe();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> probe.between(from, System.nanoTime()).samples() >= 3);
        } finally {
            probe.stop();
        }
        HostSpeed speed = probe.between(from, System.nanoTime());
        assertThat(speed.computeMicros()).as("hashing 1 MiB costs CPU time").isPositive();
        assertThat(speed.memoryNanos()).as("a step through memory costs CPU time").isPositive();
        assertThat(probe.between(System.nanoTime(), System.nanoTime() + 1).measured()).as("nothing sampled in a window after it").isFalse();
    }
}
