package org.faithbot.verification.comparison;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Whether a latency percentile got worse between two samples of requests (before and after a deployment, the
 * previous release's servers and the new one's over the same window), beyond a stated {@link Tolerance}, with the
 * sample sizes accounted for and stated in the verdict.
 * <p>
 * Enough samples: a percentile is judged only on a sample holding at least {@value #TAIL_BEYOND} requests beyond it
 * ({@link #minSamples}: 200 for a p95, 1,000 for a p99). With 43 requests a p95 is the third-slowest request, and
 * two stray slow requests of a loaded box decide it; with 10 beyond it, the bootstrap below has a tail to resample and
 * its interval reflects what one stray request can do. A sample below the minimum decides nothing
 * ({@link Verdict#NOT_ENOUGH_SAMPLES}): the caller grows its window, up to a bound, and says so if it still has too
 * few. When only the "before" sample is short and the tolerance has an absolute cap (the SLO), the "after" sample is
 * judged against the cap alone.
 * <p>
 * Decision: the percentile's excess over the limit ({@code after - limit(before)}) is bootstrapped (both samples
 * resampled with replacement, {@value #RESAMPLES} times, from a caller's seed so that the same samples give the same
 * verdict), and a regression is called only when the one-sided 95 % lower bound of that excess is above 0: the
 * percentile after is then both significantly worse and worse by more than the tolerance.
 */
public record LatencyComparison(double percentile, int beforeSamples, int afterSamples, int minSamples, double beforeMillis,
                                double afterMillis, Tolerance tolerance, double limitMillis, double excessLowMillis,
                                double excessHighMillis, boolean againstCapOnly, Verdict verdict) {

    public static final int RESAMPLES = 2000;
    /** Requests a sample must hold beyond the percentile it judges. */
    public static final int TAIL_BEYOND = 10;

    public enum Verdict { WITHIN_TOLERANCE, REGRESSED, NOT_ENOUGH_SAMPLES }

    /** The fewest requests a sample needs for its {@code percentile} to be judged: {@value #TAIL_BEYOND} beyond it. */
    public static int minSamples(double percentile) {
        if (percentile <= 0 || percentile >= 100) {
            throw new IllegalArgumentException("a percentile between 0 and 100: " + percentile);
        }
        return (int) Math.ceil(TAIL_BEYOND * 100.0 / (100.0 - percentile) - 1e-9);
    }

    public static LatencyComparison of(double[] before, double[] after, double percentile, Tolerance tolerance, long seed) {
        int min = minSamples(percentile);
        boolean beforeEnough = before.length >= min;
        boolean capOnly = !beforeEnough && tolerance.capped();
        double pBefore = percentileOf(before, percentile);
        double pAfter = percentileOf(after, percentile);
        double limit = tolerance.limit(beforeEnough ? pBefore : Double.NaN);
        if (after.length < min || !(beforeEnough || capOnly)) {
            return new LatencyComparison(percentile, before.length, after.length, min, pBefore, pAfter, tolerance,
                    tolerance.limit(before.length == 0 ? Double.NaN : pBefore), Double.NaN, Double.NaN, false, Verdict.NOT_ENOUGH_SAMPLES);
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] excess = new double[RESAMPLES];
        double[] b = new double[beforeEnough ? before.length : 0];
        double[] a = new double[after.length];
        for (int i = 0; i < RESAMPLES; i++) {
            resample(after, a, random);
            double resampledLimit = limit;
            if (beforeEnough) {
                resample(before, b, random);
                resampledLimit = tolerance.limit(percentileOf(b, percentile));
            }
            excess[i] = percentileOf(a, percentile) - resampledLimit;
        }
        Arrays.sort(excess);
        double low = excess[(int) Math.floor(0.05 * (RESAMPLES - 1))];
        double high = excess[(int) Math.ceil(0.95 * (RESAMPLES - 1))];
        return new LatencyComparison(percentile, before.length, after.length, min, pBefore, pAfter, tolerance, limit, low, high, capOnly,
                low > 0 ? Verdict.REGRESSED : Verdict.WITHIN_TOLERANCE);
    }

    public boolean passed() {
        return verdict == Verdict.WITHIN_TOLERANCE;
    }

    public boolean enoughSamples() {
        return verdict != Verdict.NOT_ENOUGH_SAMPLES;
    }

    public String describe() {
        String sizes = String.format(Locale.ROOT, "p%.0f %s ms after (%d requests) against %s ms before (%d requests); limit %s = %.0f ms",
                percentile, millis(afterMillis), afterSamples, millis(beforeMillis), beforeSamples,
                againstCapOnly ? "the absolute limit (too few requests before for " + tolerance.describe() + ")" : tolerance.describe(), limitMillis);
        return switch (verdict) {
            case NOT_ENOUGH_SAMPLES -> sizes + String.format(Locale.ROOT, "; not enough samples: each window needs at least %d requests "
                    + "(%d beyond the p%.0f), not judged", minSamples, TAIL_BEYOND, percentile);
            case REGRESSED, WITHIN_TOLERANCE -> sizes + String.format(Locale.ROOT, "; excess over the limit, 90 %% bootstrap interval "
                    + "[%.0f, %.0f] ms (%d resamples): %s", excessLowMillis, excessHighMillis, RESAMPLES,
                    verdict == Verdict.REGRESSED ? "significantly above the limit" : "not significantly above the limit");
        };
    }

    private static String millis(double value) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%.0f", value);
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
