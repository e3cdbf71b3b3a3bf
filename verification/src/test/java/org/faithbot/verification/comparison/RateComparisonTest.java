package org.faithbot.verification.comparison;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RateComparisonTest {

    /** Successful requests in each of {@code seconds} seconds: Poisson-like around {@code mean}. */
    private static double[] seconds(SplittableRandom random, int seconds, double mean) {
        double[] counts = new double[seconds];
        for (int i = 0; i < seconds; i++) {
            counts[i] = Math.max(0, Math.round(mean + Math.sqrt(mean) * (random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5) * 2));
        }
        return counts;
    }

    @Test
    void anEqualRateUnderNoiseIsNotCalledARegressionInTwentyWindows() {
        for (int window = 0; window < 20; window++) {
            SplittableRandom random = new SplittableRandom(window);
            RateComparison comparison = RateComparison.of(seconds(random, 24, 50), seconds(random, 24, 50), 0.95, window);
            assertThat(comparison.regressed()).as(comparison.describe()).isFalse();
        }
    }

    @Test
    void aReleaseServingAFifthFewerIsCaught() {
        SplittableRandom random = new SplittableRandom(7);
        RateComparison comparison = RateComparison.of(seconds(random, 24, 50), seconds(random, 24, 40), 0.95, 7);
        assertThat(comparison.regressed()).as(comparison.describe()).isTrue();
        assertThat(comparison.ratio()).isBetween(0.75, 0.85);
        assertThat(comparison.describe()).contains("24 s", "significantly below");
    }

    @Test
    void tooFewSecondsAreNotJudged() {
        assertThatThrownBy(() -> RateComparison.of(new double[5], new double[20], 0.95, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
