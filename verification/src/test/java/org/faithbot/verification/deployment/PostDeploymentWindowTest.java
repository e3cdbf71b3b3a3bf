package org.faithbot.verification.deployment;

import org.faithbot.verification.comparison.LatencyComparison;
import org.faithbot.verification.comparison.Tolerance;
import org.faithbot.verification.traffic.ProbeSample;
import org.faithbot.verification.traffic.ProbeTimeline;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The window after a deployment, kept open while above its limit, is judged on its latest 200 requests: a fresh
 * release's slow first seconds pass once they are behind it, a regression that persists does not.
 */
class PostDeploymentWindowTest {

    private static final Instant FROM = Instant.parse("2026-12-06T08:00:00Z");
    private static final double[] BEFORE = steady(200, 100);

    @Test
    void aWindowShortOfItsSamplesIsJudgedWhole() {
        List<ProbeSample> window = samples(150, 0, 100);

        assertThat(PostDeploymentValidation.latestRequests(window, FROM)).isEqualTo(FROM);
    }

    @Test
    void theFreshJvmsFirstSecondsAreBehindTheLatest200Requests() {
        List<ProbeSample> window = new ArrayList<>(samples(150, 0, 2800)); // the first 150 requests: cold JVMs
        window.addAll(samples(250, 150, 110));                              // then as fast as before
        ProbeTimeline timeline = new ProbeTimeline(window);

        Instant judgedFrom = PostDeploymentValidation.latestRequests(window, FROM);
        Instant end = FROM.plusSeconds(400);

        assertThat(judged(timeline.latenciesMillis(FROM, end)).passed()).as("the whole window, cold start included").isFalse();
        assertThat(judged(timeline.latenciesMillis(judgedFrom, end)).passed()).as("its latest 200 requests").isTrue();
    }

    @Test
    void aRegressionThatPersistsFailsTheLatest200RequestsToo() {
        List<ProbeSample> window = samples(400, 0, 2800);

        Instant judgedFrom = PostDeploymentValidation.latestRequests(window, FROM);

        assertThat(judged(new ProbeTimeline(window).latenciesMillis(judgedFrom, FROM.plusSeconds(400))).passed()).isFalse();
    }

    private static LatencyComparison judged(double[] after) {
        return LatencyComparison.of(BEFORE, after, 95, Tolerance.linear(1.5, 500), 20261206L);
    }

    /** {@code count} requests, one a second from {@code firstSecond}, their latencies spread around {@code millis}. */
    private static List<ProbeSample> samples(int count, int firstSecond, double millis) {
        List<ProbeSample> samples = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            samples.add(new ProbeSample(FROM.plusSeconds(firstSecond + i), millis * (0.8 + 0.4 * (i % 10) / 9.0), 200));
        }
        return samples;
    }

    private static double[] steady(int count, double millis) {
        return samples(count, 0, millis).stream().mapToDouble(ProbeSample::latencyMillis).toArray();
    }
}
