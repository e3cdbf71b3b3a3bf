package org.faithbot.verification.deployment;

import org.junit.jupiter.api.Test;

import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The canary gate on synthetic live metrics. */
class MetricsGateTest {

    private final MetricsGate gate = new MetricsGate(GateThresholds.standard());

    private static LatencyHistogram chats(long count, double millis) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (double bound : new double[] {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}) {
            buckets.put(bound, bound * 1000 >= millis ? (double) count : 0.0);
        }
        buckets.put(Double.POSITIVE_INFINITY, (double) count);
        return new LatencyHistogram(buckets);
    }

    @Test
    void aReleaseFailingAThirdOfItsChatRequestsFailsAsSoonAsThreeErrorsAreSeen() {
        GateVerdict verdict = gate.judge("canary 10 %", new ServerMetrics(10, 3, chats(10, 80)), 90, false);

        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.reason()).contains("error rate 30.00 %");
        assertThat(verdict.figures()).containsEntry("failed", 3.0);
    }

    @Test
    void oneStrayErrorIsNotAVerdict() {
        assertThat(gate.judge("canary 10 %", new ServerMetrics(10, 1, chats(10, 80)), 90, false).outcome())
                .isEqualTo(GateVerdict.Outcome.PENDING);
    }

    @Test
    void aHealthyReleasePassesOnlyAtTheEndOfItsWindowAndWithEnoughTraffic() {
        ServerMetrics healthy = new ServerMetrics(400, 0, chats(300, 90));

        assertThat(gate.judge("canary 10 %", healthy, 80, false).outcome()).isEqualTo(GateVerdict.Outcome.PENDING);
        assertThat(gate.judge("canary 10 %", healthy, 80, true).passed()).isTrue();
        assertThat(gate.judge("canary 10 %", new ServerMetrics(5, 0, chats(5, 90)), 80, true).outcome())
                .as("5 responses are too few to judge").isEqualTo(GateVerdict.Outcome.PENDING);
    }

    @Test
    void aReleaseAboveTheErrorLimitIsNeverPassedEvenWithTooFewFailuresToFailIt() {
        // a bad canary at 10 % that was lucky in its window: 2 of 50 failed (4 %), the limit 1 %
        GateVerdict lucky = gate.judge("canary 10 %", new ServerMetrics(50, 2, chats(21, 30)), 90, true);
        assertThat(lucky.outcome()).isEqualTo(GateVerdict.Outcome.PENDING);
        assertThat(lucky.reason()).contains("error rate 4.00 %", "too few failures");

        assertThat(gate.judge("canary 10 %", new ServerMetrics(300, 2, chats(200, 30)), 90, true).passed())
                .as("the same 2 stray failures among 300 responses are under the limit").isTrue();
    }

    @Test
    void aReleaseMuchSlowerThanThePreviousOneFailsOnItsP95() {
        GateVerdict verdict = gate.judge("canary 50 %", new ServerMetrics(400, 0, chats(300, 2000)), 100, true);

        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.reason()).contains("p95");
        assertThat(verdict.figures().get("chatP95LimitMillis")).isEqualTo(100 * 3.0 + 500);
    }

    @Test
    void aStrainOnEverythingIsNotBlamedOnTheNewReleaseButABadReleaseStillStandsOut() {
        ServerMetrics previousUnderStrain = new ServerMetrics(400, 20, chats(300, 90)); // 5 %: the data store timing out for everyone

        GateVerdict likeTheOthers = gate.judge("rolling n2", new ServerMetrics(100, 6, chats(80, 90)), previousUnderStrain, 90, true);
        GateVerdict bad = gate.judge("rolling r1", new ServerMetrics(20, 6, chats(15, 90)), previousUnderStrain, 90, false);

        assertThat(likeTheOthers.passed()).as(likeTheOthers.describe()).isTrue();
        assertThat(likeTheOthers.figures()).containsEntry("errorPercentLimit", 11.0);
        assertThat(bad.failed()).as(bad.describe()).isTrue();
        assertThat(bad.reason()).contains("the previous release: 5.00 %");
    }

    @Test
    void aPreviousReleaseAlreadyNearTheSloDoesNotMakeAReleaseAsFastAsItFail() {
        TreeMap<Double, Double> around3300 = new TreeMap<>(java.util.Map.of(3.0, 0.0, 3.5, 300.0, Double.POSITIVE_INFINITY, 300.0));
        GateVerdict verdict = gate.judge("post-switch", new ServerMetrics(400, 0, new LatencyHistogram(around3300)), 2800, true);

        assertThat(verdict.passed()).as(verdict.describe()).isTrue();
        assertThat(GateThresholds.standard().p95Limit(2800)).isEqualTo(2800 * 1.5 + 500);
    }

    @Test
    void withoutThePreviousReleasesP95TheSloIsTheLimit() {
        assertThat(gate.judge("post-switch", new ServerMetrics(400, 0, chats(300, 2000)), Double.NaN, true).passed()).isTrue();
        assertThat(gate.judge("post-switch", new ServerMetrics(400, 0, chats(300, 4000)), Double.NaN, true).failed()).isTrue();
    }
}
