package org.faithbot.verification.deployment;

import org.faithbot.verification.comparison.LatencyComparison;
import org.faithbot.verification.comparison.Tolerance;

/**
 * When the live-metrics gate stops a release.
 *
 * @param maxErrorPercent   failed responses of the new release, in percent of its responses, above which it fails
 * @param minErrors         failed responses needed before the error rate may fail it (one stray error is not a verdict)
 * @param minRequests       responses the new release must have served before the gate may pass it
 * @param maxP95Millis      the absolute limit of its chat p95 (the SLO)
 * @param p95Factor         its chat p95 may be at most this many times the previous release's ...
 * @param p95SlackMillis    ... plus this (a fresh JVM is a little slower than a warm one)
 * <p>
 * The p95 is judged by the comparison scheme ({@link LatencyComparison}): the new release's chat requests against the
 * previous release's over the same window (or the one just before), failing only when significantly above the
 * {@link #tolerance()}, and only on at least {@link LatencyComparison#minSamples} chat requests (200 for a p95).
 */
public record GateThresholds(double maxErrorPercent, long minErrors, long minRequests, double maxP95Millis, double p95Factor,
                             double p95SlackMillis) {

    /**
     * 1 % errors (at least 3; more when the previous release fails too), p95 within the 3 s SLO and 3x the previous
     * release's + 500 ms (a new JVM is slower than a warm one for its first minute: green at 400 ms after a warm blue at
     * 33 ms is no regression; a release twice as slow as the SLO allows still is); a pass needs 50 responses: a release failing 30 % of its chat requests (about 18 % of a mix's
     * responses) shows fewer than 3 errors in 50 responses once in 300 steps, in 20 responses one step in four.
     */
    public static GateThresholds standard() {
        return new GateThresholds(1.0, 3, 50, 3000, 3.0, 500);
    }

    /**
     * The chat p95 the new release may have, given the previous release's (NaN when unknown): within the SLO and within
     * {@code p95Factor} x the previous release's + slack; but never less than 1.5 x the previous release's + slack, so that a
     * previous release already near or beyond the SLO (the machine under strain) does not make a release as fast as it fail.
     * Whether the service meets its SLO is the performance specs' verdict, not a deployment gate's.
     */
    public double p95Limit(double previousP95Millis) {
        return tolerance().limit(previousP95Millis);
    }

    /** The p95's tolerance as the comparison scheme applies it: min(SLO, factor x previous + slack), at least 1.5 x previous + slack. */
    public Tolerance tolerance() {
        return new Tolerance(p95Factor, p95SlackMillis, maxP95Millis, 1.5);
    }

    public String describe() {
        return String.format(java.util.Locale.ROOT,
                "fails on an error rate significantly above %.1f %% (at least %d errors; or above twice the previous release's rate + 1 point), "
                        + "or a chat p95 significantly above %s (at least %d chat requests a side); passes after %d responses",
                maxErrorPercent, minErrors, tolerance().describe(), LatencyComparison.minSamples(95), minRequests);
    }
}
