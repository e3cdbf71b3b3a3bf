package org.faithbot.verification.comparison;

import java.util.Locale;

/**
 * How much worse a latency percentile may get before it is a regression, as a feature text states it: at most
 * {@code factor} x the percentile before + {@code slackMillis}, capped at {@code capMillis} (an absolute limit, the
 * SLO; infinite when there is none) but never below {@code floorFactor} x before + {@code slackMillis} (so that a
 * "before" already near the cap does not fail a release as fast as it). Without enough samples before, the cap alone
 * is the limit.
 */
public record Tolerance(double factor, double slackMillis, double capMillis, double floorFactor) {

    /** {@code factor} x before + {@code slackMillis}, no cap (the post-deployment check: 1.5 x before + 500 ms). */
    public static Tolerance linear(double factor, double slackMillis) {
        return new Tolerance(factor, slackMillis, Double.POSITIVE_INFINITY, factor);
    }

    /** The most the percentile after may be, given the one before (NaN: unknown, the cap alone). */
    public double limit(double beforeMillis) {
        if (Double.isNaN(beforeMillis)) {
            return capMillis;
        }
        return Math.max(Math.min(capMillis, factor * beforeMillis + slackMillis), floorFactor * beforeMillis + slackMillis);
    }

    public boolean capped() {
        return !Double.isInfinite(capMillis);
    }

    public String describe() {
        String linear = String.format(Locale.ROOT, "%s x before + %.0f ms", factor(factor), slackMillis);
        if (!capped()) {
            return linear;
        }
        return String.format(Locale.ROOT, "min(%.0f ms, %s), at least %s x before + %.0f ms", capMillis, linear, factor(floorFactor), slackMillis);
    }

    /** 1.5 as "1.5", 1.25 as "1.25", 1 as "1.0". */
    private static String factor(double value) {
        String twoPlaces = String.format(Locale.ROOT, "%.2f", value);
        return twoPlaces.endsWith("0") ? twoPlaces.substring(0, twoPlaces.length() - 1) : twoPlaces;
    }
}
