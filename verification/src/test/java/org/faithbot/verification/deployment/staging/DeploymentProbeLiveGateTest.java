package org.faithbot.verification.deployment.staging;

import org.faithbot.verification.traffic.ProbeSample;
import org.faithbot.verification.traffic.ProbeTimeline;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The staging drills' live gate: the probe's error rate over the last 15 s. */
class DeploymentProbeLiveGateTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    /** {@code failed} failures among {@code count} requests, one a second back from now; {@code old} more failures before the window. */
    private static ProbeLiveGate gate(int count, int failed, int old) {
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 0; i < old; i++) {
            samples.add(new ProbeSample(NOW.minusSeconds(30 + i), 12, 500));
        }
        for (int i = 0; i < count; i++) {
            samples.add(new ProbeSample(NOW.minusSeconds(15 - i % 15), 12, i < failed ? 500 : 200));
        }
        ProbeTimeline timeline = new ProbeTimeline(samples);
        return new ProbeLiveGate(() -> timeline, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void threeFailuresAboveOnePercentOfTheLastFifteenSecondsStopTheDeployment() {
        assertThat(gate(15, 3, 0).get()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("the probe's error rate 20.00 % (3 of 15; 90 % Wilson interval").endsWith("significantly above 1 %"));
    }

    @Test
    void fewerThanThreeFailuresDoNot() {
        assertThat(gate(15, 2, 0).get()).isEmpty();
    }

    @Test
    void failuresBeforeTheWindowDoNotCount() {
        assertThat(gate(15, 0, 10).get()).isEmpty();
    }

    @Test
    void threeFailuresNotSignificantlyAboveOnePercentDoNot() {
        assertThat(gate(300, 3, 0).get()).isEmpty();
        assertThat(gate(299, 3, 0).get()).as("1.0 %, not significantly above 1 %").isEmpty();
        assertThat(gate(40, 3, 0).get()).as("7.5 %: its lower bound 1.5 %").isPresent();
    }
}
