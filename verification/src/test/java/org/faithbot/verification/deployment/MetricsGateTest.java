package org.faithbot.verification.deployment;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The canary gate on synthetic live metrics. */
class MetricsGateTest {

    private final MetricsGate gate = new MetricsGate(GateThresholds.standard());

    /** {@code count} chat requests, all in the bucket that holds {@code millis}. */
    private static LatencyHistogram chats(long count, double millis) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (double bound : new double[] {0.05, 0.1, 0.25, 0.5, 1, 2.5, 5}) {
            buckets.put(bound, bound * 1000 >= millis ? (double) count : 0.0);
        }
        buckets.put(Double.POSITIVE_INFINITY, (double) count);
        return new LatencyHistogram(buckets);
    }

    private static ServerMetrics previous(double chatMillis) {
        return new ServerMetrics(3000, 0, chats(2000, chatMillis));
    }

    @Test
    void aReleaseFailingAThirdOfItsChatRequestsFailsAsSoonAsThreeErrorsAreSeen() {
        GateVerdict verdict = gate.judge("canary 10 %", new ServerMetrics(10, 3, chats(10, 80)), previous(90), MetricsGate.Window.RUNNING);

        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.reason()).contains("error rate 30.00 % (3 of 10;");
        assertThat(verdict.figures()).containsEntry("failed", 3.0);
    }

    @Test
    void oneStrayErrorIsNotAVerdict() {
        assertThat(gate.judge("canary 10 %", new ServerMetrics(10, 1, chats(10, 80)), previous(90), MetricsGate.Window.RUNNING).outcome())
                .isEqualTo(GateVerdict.Outcome.PENDING);
    }

    @Test
    void aHealthyReleasePassesOnlyAtTheEndOfItsWindowAndWithEnoughTraffic() {
        ServerMetrics healthy = new ServerMetrics(400, 0, chats(300, 90));

        assertThat(gate.judge("canary 10 %", healthy, previous(80), MetricsGate.Window.RUNNING).outcome()).isEqualTo(GateVerdict.Outcome.PENDING);
        GateVerdict passed = gate.judge("canary 10 %", healthy, previous(80), MetricsGate.Window.ENDED);
        assertThat(passed.passed()).as(passed.describe()).isTrue();
        assertThat(passed.reason()).contains("(300 requests)", "(2000 requests)", "not significantly above the limit");
        assertThat(gate.judge("canary 10 %", new ServerMetrics(5, 0, chats(5, 90)), previous(80), MetricsGate.Window.LONGEST).outcome())
                .as("5 responses are too few to judge").isEqualTo(GateVerdict.Outcome.PENDING);
    }

    @Test
    void tooFewChatRequestsGrowTheWindowAndAtItsLongestTheP95IsStatedAsNotJudged() {
        ServerMetrics fewChats = new ServerMetrics(120, 0, chats(60, 2000));

        GateVerdict growing = gate.judge("canary 10 %", fewChats, previous(80), MetricsGate.Window.ENDED);
        assertThat(growing.outcome()).isEqualTo(GateVerdict.Outcome.PENDING);
        assertThat(growing.reason()).contains("window growing", "not enough samples", "(60 requests)", "(2000 requests)");

        GateVerdict longest = gate.judge("canary 10 %", fewChats, previous(80), MetricsGate.Window.LONGEST);
        assertThat(longest.passed()).as("a p95 of 60 requests neither fails nor silently passes: " + longest.describe()).isTrue();
        assertThat(longest.reason()).contains("not enough samples", "its p95 not judged");
        assertThat(longest.figures()).containsEntry("chatP95Judged", 0.0);
    }

    @Test
    void aReleaseAboveTheErrorLimitIsNeverPassedEvenWithTooFewFailuresToFailIt() {
        // a bad canary at 10 % that was lucky in its window: 2 of 50 failed (4 %), the limit 1 %
        GateVerdict lucky = gate.judge("canary 10 %", new ServerMetrics(50, 2, chats(21, 30)), previous(90), MetricsGate.Window.LONGEST);
        assertThat(lucky.outcome()).isEqualTo(GateVerdict.Outcome.PENDING);
        assertThat(lucky.reason()).contains("error rate 4.00 %", "too few failures");

        assertThat(gate.judge("canary 10 %", new ServerMetrics(300, 2, chats(200, 30)), previous(90), MetricsGate.Window.ENDED).passed())
                .as("the same 2 stray failures among 300 responses are under the limit").isTrue();
    }

    @Test
    void aReleaseMuchSlowerThanThePreviousOneFailsOnItsP95() {
        GateVerdict verdict = gate.judge("canary 50 %", new ServerMetrics(400, 0, chats(300, 2000)), previous(100), MetricsGate.Window.ENDED);

        assertThat(verdict.failed()).isTrue();
        assertThat(verdict.reason()).contains("p95", "(300 requests)", "(2000 requests)", "significantly above the limit");
        assertThat(verdict.figures().get("chatP95LimitMillis"))
                .isEqualTo(GateThresholds.standard().p95Limit(verdict.figures().get("previousChatP95Millis")));
        assertThat(verdict.figures().get("previousChatP95Millis")).isBetween(50.0, 100.0);
    }

    @Test
    void aStrainOnEverythingIsNotBlamedOnTheNewReleaseButABadReleaseStillStandsOut() {
        ServerMetrics previousUnderStrain = new ServerMetrics(400, 20, chats(300, 90)); // 5 %: the data store timing out for everyone

        GateVerdict likeTheOthers = gate.judge("rolling n2", new ServerMetrics(300, 18, chats(250, 90)), previousUnderStrain, MetricsGate.Window.ENDED);
        GateVerdict bad = gate.judge("rolling r1", new ServerMetrics(20, 6, chats(15, 90)), previousUnderStrain, MetricsGate.Window.RUNNING);

        assertThat(likeTheOthers.passed()).as(likeTheOthers.describe()).isTrue();
        assertThat(likeTheOthers.figures()).containsEntry("errorPercentLimit", 11.0);
        assertThat(bad.failed()).as(bad.describe()).isTrue();
        assertThat(bad.reason()).contains("the previous release: 5.00 % of 400 responses");
    }

    @Test
    void aPreviousReleaseAlreadyNearTheSloDoesNotMakeAReleaseAsFastAsItFail() {
        ServerMetrics previousNearTheSlo = new ServerMetrics(400, 0, new LatencyHistogram(new TreeMap<>(Map.of(2.5, 0.0, 3.0, 300.0,
                Double.POSITIVE_INFINITY, 300.0))));
        TreeMap<Double, Double> around3300 = new TreeMap<>(Map.of(3.0, 0.0, 3.5, 300.0, Double.POSITIVE_INFINITY, 300.0));
        GateVerdict verdict = gate.judge("post-switch", new ServerMetrics(400, 0, new LatencyHistogram(around3300)), previousNearTheSlo,
                MetricsGate.Window.ENDED);

        assertThat(verdict.passed()).as(verdict.describe()).isTrue();
        assertThat(GateThresholds.standard().p95Limit(2800)).isEqualTo(2800 * 1.5 + 500);
    }

    @Test
    void withoutEnoughOfThePreviousReleasesRequestsTheSloIsTheLimit() {
        GateVerdict fast = gate.judge("post-switch", new ServerMetrics(400, 0, chats(300, 2000)), MetricsGate.Window.ENDED);
        GateVerdict slow = gate.judge("post-switch", new ServerMetrics(400, 0, chats(300, 4000)), new ServerMetrics(60, 0, chats(40, 100)),
                MetricsGate.Window.ENDED);

        assertThat(fast.passed()).as(fast.describe()).isTrue();
        assertThat(slow.failed()).as(slow.describe()).isTrue();
        assertThat(slow.reason()).contains("the absolute limit", "(40 requests)", "= 3000 ms");
    }

    @Test
    void aHistogramBecomesASampleSpreadAcrossItsBuckets() {
        double[] samples = new LatencyHistogram(new TreeMap<>(Map.of(0.1, 2.0, 0.2, 4.0, Double.POSITIVE_INFINITY, 5.0))).samplesMillis();

        assertThat(samples).containsExactly(new double[] {25, 75, 125, 175, 200}, within(1e-9));
    }
}
