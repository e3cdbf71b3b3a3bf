package org.faithbot.verification.traffic;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProbeTimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");

    /** One request every 100 ms for 10 s; between 3 s and 5 s every request fails, and at 5-6 s they are slow. */
    private static ProbeTimeline faultBetweenThreeAndFiveSeconds() {
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            Instant at = T0.plusMillis(i * 100L);
            boolean failing = i >= 30 && i < 50;
            boolean slow = i >= 50 && i < 60;
            samples.add(new ProbeSample(at, slow ? 4000 : 20, failing ? 503 : 200));
        }
        return new ProbeTimeline(samples);
    }

    @Test
    void measuresErrorRateAndP95OfAWindow() {
        ProbeTimeline timeline = faultBetweenThreeAndFiveSeconds();
        assertThat(timeline.errorPercent(T0, T0.plusSeconds(10))).isEqualTo(20.0);
        assertThat(timeline.errorPercent(T0.plusSeconds(3), T0.plusSeconds(5))).isEqualTo(100.0);
        assertThat(timeline.errorPercent(T0, T0.plusSeconds(3))).isZero();
        assertThat(timeline.p95Millis(T0, T0.plusSeconds(3))).isBetween(19.9, 20.1);
        assertThat(timeline.p95Millis(T0.plusSeconds(5), T0.plusSeconds(6))).isBetween(3990.0, 4010.0);
    }

    @Test
    void recoveryIsTheStartOfTheFirstHealthyStretch() {
        ProbeTimeline timeline = faultBetweenThreeAndFiveSeconds();
        assertThat(timeline.recoveredAt(T0.plusSeconds(3), Duration.ofSeconds(2), 3000)).contains(T0.plusSeconds(6));
        assertThat(timeline.recoveredAt(T0.plusSeconds(3), Duration.ofSeconds(2), 5000)).contains(T0.plusSeconds(5));
    }

    @Test
    void noRecoveryWhenTheStretchNeverLastsLongEnough() {
        ProbeTimeline timeline = faultBetweenThreeAndFiveSeconds();
        assertThat(timeline.recoveredAt(T0.plusSeconds(3), Duration.ofSeconds(5), 3000)).isEmpty();
    }
}
