package org.faithbot.verification.chaos;

import org.faithbot.verification.traffic.ProbeSample;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    /** One sample every 100 ms from 0 to {@code seconds}, failing or slow where {@code bad} says. */
    private static List<ProbeSample> timeline(double seconds, java.util.function.DoublePredicate failed, java.util.function.DoublePredicate slow) {
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 0; i * 0.1 < seconds; i++) {
            double t = i * 0.1;
            samples.add(new ProbeSample(T0.plusMillis(i * 100L), slow.test(t) ? 5000 : 30, failed.test(t) ? 503 : 200));
        }
        return samples;
    }

    @Test
    void recoversAfterTheLastFailedOrSlowRequest() {
        List<ProbeSample> samples = timeline(10, t -> t >= 1 && t < 3, t -> t >= 3.5 && t < 4);
        assertThat(Recovery.recoveredAt(samples, T0, T0.plusSeconds(10), Duration.ofSeconds(3), 3000))
                .contains(T0.plusMillis(4000));
    }

    @Test
    void aFaultNobodyNoticedRecoveredAtOnce() {
        List<ProbeSample> samples = timeline(5, t -> false, t -> false);
        assertThat(Recovery.recoveredAt(samples, T0, T0.plusSeconds(5), Duration.ofSeconds(3), 3000)).contains(T0);
    }

    @Test
    void notRecoveredUntilTheHealthyStretchLastsLongEnough() {
        List<ProbeSample> samples = timeline(5, t -> t < 3, t -> false);
        assertThat(Recovery.recoveredAt(samples, T0, T0.plusSeconds(5), Duration.ofSeconds(3), 3000)).isEmpty();
    }

    @Test
    void notJudgedWhileNoRequestComesBack() {
        List<ProbeSample> samples = timeline(2, t -> false, t -> false);
        assertThat(Recovery.recoveredAt(samples, T0, T0.plusSeconds(6), Duration.ofSeconds(3), 3000))
                .as("the probe's users may all be waiting on a stuck service").isEmpty();
    }
}
