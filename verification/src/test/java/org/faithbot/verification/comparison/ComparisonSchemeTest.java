package org.faithbot.verification.comparison;

import org.faithbot.verification.deployment.GateThresholds;
import org.faithbot.verification.deployment.GateVerdict;
import org.faithbot.verification.deployment.LatencyHistogram;
import org.faithbot.verification.deployment.MetricsGate;
import org.faithbot.verification.deployment.ServerMetrics;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison scheme every gate uses, on simulated windows: its speed (a bad release caught early) and its power
 * without false alarms (a good release under noise not failed, window after window).
 */
class ComparisonSchemeTest {

    /** Chat latencies as a loaded 2-core box shows them: log-normal around {@code medianMillis}, with a heavy tail. */
    private static double[] window(SplittableRandom random, int requests, double medianMillis) {
        double[] latencies = new double[requests];
        for (int i = 0; i < requests; i++) {
            double gaussian = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
            latencies[i] = medianMillis * Math.exp(0.8 * gaussian) + (random.nextDouble() < 0.03 ? 600 * random.nextDouble() : 0);
        }
        return latencies;
    }

    @Test
    void aGoodReleaseUnderNoiseIsNotFailedInTwentySimulatedWindows() {
        SplittableRandom random = new SplittableRandom(7);
        int failed = 0;
        for (int w = 0; w < 20; w++) {
            // the same release before and after, the "before" window sometimes quieter than the load's usual (x 0.6)
            double[] before = window(random, 160, w % 3 == 0 ? 60 : 100);
            double[] after = window(random, 160, 100);
            LatencyComparison comparison = LatencyComparison.of(before, after, 95, 1.5, 500, 160, w);
            if (comparison.verdict() == LatencyComparison.Verdict.REGRESSED) {
                failed++;
            }
        }
        assertThat(failed).as("good releases failed in 20 windows").isZero();
    }

    @Test
    void aRegressionOfTwiceTheLatencyIsCaughtAgainstZeroDegradationAndAFourfoldOneWithinTheDrillsTolerance() {
        SplittableRandom random = new SplittableRandom(11);
        int caughtTwice = 0;
        int caughtFourfold = 0;
        for (int w = 0; w < 20; w++) {
            double[] before = window(random, 160, 150);
            // a window above its limit grows (PostDeploymentValidation: up to 30 s, about 480 probe requests)
            if (LatencyComparison.of(before, window(random, 480, 300), 95, 1.0, 0, 160, w).verdict() == LatencyComparison.Verdict.REGRESSED) {
                caughtTwice++;
            }
            if (LatencyComparison.of(before, window(random, 480, 600), 95, 1.5, 500, 160, w).verdict() == LatencyComparison.Verdict.REGRESSED) {
                caughtFourfold++;
            }
        }
        // one-sided 95 %: a 2x regression of a heavy-tailed p95 is caught at least 19 times in 20 with these sample sizes
        assertThat(caughtTwice).as("2x regressions caught against the requirement's zero degradation, of 20").isGreaterThanOrEqualTo(19);
        assertThat(caughtFourfold).as("4x regressions caught with the drill's tolerance 1.5 x + 500 ms, of 20").isGreaterThanOrEqualTo(19);
    }

    @Test
    void aFewDozenRequestsDecideNothing() {
        SplittableRandom random = new SplittableRandom(3);
        LatencyComparison comparison = LatencyComparison.of(window(random, 80, 76), window(random, 43, 800), 95, 1.5, 500, 160, 1);
        assertThat(comparison.verdict()).isEqualTo(LatencyComparison.Verdict.TOO_FEW_SAMPLES);
        assertThat(comparison.passed()).isFalse();
        assertThat(comparison.describe()).contains("(43 requests)", "(80 requests)", "too few");
    }

    @Test
    void theSameSamplesGiveTheSameVerdictAndInterval() {
        SplittableRandom random = new SplittableRandom(5);
        double[] before = window(random, 200, 100);
        double[] after = window(random, 200, 120);
        assertThat(LatencyComparison.of(before, after, 95, 1.0, 0, 160, 42)).isEqualTo(LatencyComparison.of(before, after, 95, 1.0, 0, 160, 42));
    }

    @Test
    void aReleaseFailingThirtyPercentIsStoppedAtItsFirstStepAndAStrayErrorIsNot() {
        MetricsGate gate = new MetricsGate(GateThresholds.standard());
        TreeMap<Double, Double> fast = new TreeMap<>(java.util.Map.of(0.1, 20.0, Double.POSITIVE_INFINITY, 20.0));
        SplittableRandom random = new SplittableRandom(13);
        int stoppedAtFirstStep = 0;
        for (int w = 0; w < 20; w++) {
            long errors = 0;
            for (int i = 0; i < 20; i++) {
                errors += random.nextDouble() < 0.30 ? 1 : 0;
            }
            GateVerdict verdict = gate.judge("canary 10 %", new ServerMetrics(20, errors, new LatencyHistogram(fast)), 90, false);
            stoppedAtFirstStep += verdict.failed() ? 1 : 0;
        }
        assertThat(stoppedAtFirstStep).as("30 %% error releases stopped within their first 20 responses, of 20").isGreaterThanOrEqualTo(19);
        assertThat(ErrorRate.of(1, 50).significantlyAbove(1.0)).as("1 error in 50").isFalse();
        assertThat(ErrorRate.of(3, 200).significantlyAbove(1.0)).as("3 errors in 200: 1.5 %%, not significantly above 1 %%").isFalse();
        assertThat(ErrorRate.of(6, 20).significantlyAbove(1.0)).isTrue();
    }
}
