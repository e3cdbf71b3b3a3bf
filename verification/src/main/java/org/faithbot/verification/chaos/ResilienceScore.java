package org.faithbot.verification.chaos;

/**
 * The resilience score of an experiment, 0 to 100, from its figures (see docs/chaos.md):
 * <pre>
 *   score = 40 x availability + 30 x recovery + 20 x latency + 10 x containment, and 0 when a write was lost
 *   availability = 1 - (failed requests during the fault / requests during the fault)
 *   recovery     = 1 - MTTR / maximum recovery time, floored at 0 (0 when it did not recover)
 *   latency      = 1 when the p95 during the fault is within the steady state's p95, else that p95 / the measured p95
 *   containment  = 1 unless a stop condition aborted the fault
 * </pre>
 * A service that never lets a member notice the fault scores 100; a lost acknowledged write scores 0,
 * whatever else: losing what was promised is never resilient.
 */
public final class ResilienceScore {

    public static final double AVAILABILITY = 40;
    public static final double RECOVERY = 30;
    public static final double LATENCY = 20;
    public static final double CONTAINMENT = 10;

    private ResilienceScore() {
    }

    public static double of(double errorPercent, Double mttrSeconds, double maxRecoverySeconds, double p95Millis,
                            double p95SloMillis, boolean aborted, int lostWrites) {
        if (lostWrites > 0) {
            return 0;
        }
        double availability = clamp(1 - errorPercent / 100);
        double recovery;
        if (mttrSeconds == null) {
            recovery = 0;
        } else if (maxRecoverySeconds <= 0) {
            recovery = mttrSeconds <= 0 ? 1 : 0;
        } else {
            recovery = clamp(1 - mttrSeconds / maxRecoverySeconds);
        }
        double latency = p95Millis <= p95SloMillis || p95Millis <= 0 ? 1 : clamp(p95SloMillis / p95Millis);
        double containment = aborted ? 0 : 1;
        double score = AVAILABILITY * availability + RECOVERY * recovery + LATENCY * latency + CONTAINMENT * containment;
        return Math.round(score * 10) / 10.0;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
