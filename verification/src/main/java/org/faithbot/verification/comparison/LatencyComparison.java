package org.faithbot.verification.comparison;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Whether a latency percentile got worse between two samples of requests (before and after a deployment, the
 * previous release and the candidate), beyond a stated tolerance, with sample sizes accounted for: the percentile's
 * excess over the limit ({@code after - (factor x before + slack)}) is bootstrapped (both samples resampled with
 * replacement, seeded, {@value #RESAMPLES} times), and a regression is called only when the one-sided 95 % lower bound
 * of that excess is above 0: the after percentile is then both significantly worse and worse by more than the
 * tolerance. A sample below {@code minSamples} decides nothing ({@link Verdict#TOO_FEW_SAMPLES}): the caller grows its
 * window or fails.
 */
public record LatencyComparison(double percentile, int beforeSamples, int afterSamples, double beforeMillis, double afterMillis,
                                double factor, double slackMillis, double limitMillis, double excessLowMillis, double excessHighMillis,
                                Verdict verdict) {

    public static final int RESAMPLES = 2000;

    public enum Verdict { WITHIN_TOLERANCE, REGRESSED, TOO_FEW_SAMPLES }

    public static LatencyComparison of(double[] before, double[] after, double percentile, double factor, double slackMillis,
                                       int minSamples, long seed) {
        double pBefore = percentileOf(before, percentile);
        double pAfter = percentileOf(after, percentile);
        double limit = factor * pBefore + slackMillis;
        if (before.length < minSamples || after.length < minSamples) {
            return new LatencyComparison(percentile, before.length, after.length, pBefore, pAfter, factor, slackMillis, limit,
                    Double.NaN, Double.NaN, Verdict.TOO_FEW_SAMPLES);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] excess = new double[RESAMPLES];
        double[] b = new double[before.length];
        double[] a = new double[after.length];
        for (int i = 0; i < RESAMPLES; i++) {
            resample(before, b, random);
            resample(after, a, random);
            excess[i] = percentileOf(a, percentile) - (factor * percentileOf(b, percentile) + slackMillis);
        }
        Arrays.sort(excess);
        double low = excess[(int) Math.floor(0.05 * (RESAMPLES - 1))];
        double high = excess[(int) Math.ceil(0.95 * (RESAMPLES - 1))];
        return new LatencyComparison(percentile, before.length, after.length, pBefore, pAfter, factor, slackMillis, limit, low, high,
                low > 0 ? Verdict.REGRESSED : Verdict.WITHIN_TOLERANCE);
    }

    public boolean passed() {
        return verdict == Verdict.WITHIN_TOLERANCE;
    }

    public String describe() {
        String sizes = String.format(Locale.ROOT, "p%.0f %.0f ms after (%d requests) against %.0f ms before (%d requests); limit %.1f x before + %.0f ms = %.0f ms",
                percentile, afterMillis, afterSamples, beforeMillis, beforeSamples, factor, slackMillis, limitMillis);
        return switch (verdict) {
            case TOO_FEW_SAMPLES -> sizes + "; too few requests to judge (fewer than the minimum)";
            case REGRESSED, WITHIN_TOLERANCE -> sizes + String.format(Locale.ROOT, "; excess over the limit, 90 %% bootstrap interval "
                    + "[%.0f, %.0f] ms (%d resamples): %s", excessLowMillis, excessHighMillis, RESAMPLES,
                    verdict == Verdict.REGRESSED ? "significantly above the limit" : "not significantly above the limit");
        };
    }

    static double percentileOf(double[] values, double percentile) {
        return values.length == 0 ? Double.NaN : new Percentile(percentile).evaluate(values);
    }

    private static void resample(double[] from, double[] into, SplittableRandom random) {
        for (int i = 0; i < into.length; i++) {
            into[i] = from[random.nextInt(from.length)];
        }
    }
}
