package org.faithbot.verification.comparison;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Whether a rate (successful requests per second) got lower between two samples of per-second counts, beyond a stated
 * least ratio, with the sample sizes accounted for: the ratio of the two mean rates (after / before) is bootstrapped
 * (the seconds of each sample resampled with replacement, {@value LatencyComparison#RESAMPLES} times, from a caller's
 * seed), and a regression is called only when the one-sided 95 % upper bound of the ratio is below {@code minRatio}:
 * the rate after is then both significantly and more than the tolerance lower. The same scheme as
 * {@link LatencyComparison}, for a rate.
 */
public record RateComparison(int beforeSeconds, int afterSeconds, double beforePerSecond, double afterPerSecond, double ratio,
                             double ratioLow, double ratioHigh, double minRatio, boolean regressed) {

    /** Seconds each sample needs: a ratio over fewer is not judged. */
    public static final int MIN_SECONDS = 10;

    public static RateComparison of(double[] beforePerSecond, double[] afterPerSecond, double minRatio, long seed) {
        if (beforePerSecond.length < MIN_SECONDS || afterPerSecond.length < MIN_SECONDS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "a rate is compared over at least %d seconds each: %d before, %d after",
                    MIN_SECONDS, beforePerSecond.length, afterPerSecond.length));
        }
        double before = mean(beforePerSecond);
        double after = mean(afterPerSecond);
        SplittableRandom random = new SplittableRandom(seed);
        double[] ratios = new double[LatencyComparison.RESAMPLES];
        for (int i = 0; i < ratios.length; i++) {
            double b = resampledMean(beforePerSecond, random);
            ratios[i] = b == 0 ? Double.POSITIVE_INFINITY : resampledMean(afterPerSecond, random) / b;
        }
        Arrays.sort(ratios);
        double low = ratios[(int) Math.floor(0.05 * (ratios.length - 1))];
        double high = ratios[(int) Math.ceil(0.95 * (ratios.length - 1))];
        double ratio = before == 0 ? Double.POSITIVE_INFINITY : after / before;
        return new RateComparison(beforePerSecond.length, afterPerSecond.length, before, after, ratio, low, high, minRatio, high < minRatio);
    }

    public String describe() {
        return String.format(Locale.ROOT, "%.1f/s after (%d s) against %.1f/s before (%d s): ratio %.3f, 90 %% bootstrap interval [%.3f, %.3f]"
                        + " (%d resamples of the seconds); least ratio %.2f: %s", afterPerSecond, afterSeconds, beforePerSecond, beforeSeconds,
                ratio, ratioLow, ratioHigh, LatencyComparison.RESAMPLES, minRatio,
                regressed ? "significantly below it" : "not significantly below it");
    }

    private static double mean(double[] values) {
        return Arrays.stream(values).average().orElse(0);
    }

    private static double resampledMean(double[] values, SplittableRandom random) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[random.nextInt(values.length)];
        }
        return sum / values.length;
    }
}
