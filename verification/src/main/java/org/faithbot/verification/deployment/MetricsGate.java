package org.faithbot.verification.deployment;

import org.faithbot.verification.comparison.ErrorRate;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The canary analysis: the new release's live figures over a window against the thresholds and the
 * previous release's p95. The error rate may stop it as soon as it is clear (at least {@code minErrors} failures and
 * the rate significantly above the limit: its Wilson lower bound, {@link ErrorRate}); the p95 and the pass
 * are judged at the end of the window (when {@code final} is set), and a release whose error rate is
 * above the limit is never passed, even with too few failures to fail it yet.
 */
public final class MetricsGate {

    private final GateThresholds thresholds;

    public MetricsGate(GateThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public GateThresholds thresholds() {
        return thresholds;
    }

    /** Judges the new release against the thresholds only (the previous release's error rate unknown). */
    public GateVerdict judge(String gate, ServerMetrics candidate, double previousP95, boolean end) {
        return judge(gate, candidate, null, previousP95, end);
    }

    /**
     * @param candidate   what the new release's servers did over the window
     * @param previous    what the previous release's servers did over the same window or the one just before (null: unknown);
     *                    its error rate raises the limit, so that a strain on everything (the data store under load) is not
     *                    blamed on the new release: it fails above max(the threshold, twice the previous release's rate + 1 point)
     * @param previousP95 the previous release's chat p95 in ms (NaN when unknown)
     * @param end         whether the window is over (judge the p95 and pass), or still running (only a failure can be decided)
     */
    public GateVerdict judge(String gate, ServerMetrics candidate, ServerMetrics previous, double previousP95, boolean end) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("responses", (double) candidate.responses());
        figures.put("failed", (double) candidate.errors());
        figures.put("errorPercent", candidate.errorPercent());
        double p95 = candidate.chatLatency().p95Millis();
        long latencySamples = candidate.chatLatency().count();
        figures.put("chatRequests", (double) latencySamples);
        if (!Double.isNaN(p95)) {
            figures.put("chatP95Millis", p95);
        }
        if (!Double.isNaN(previousP95)) {
            figures.put("previousChatP95Millis", previousP95);
        }
        double errorLimit = thresholds.maxErrorPercent();
        if (previous != null && previous.responses() >= thresholds.minRequests()) {
            figures.put("previousErrorPercent", previous.errorPercent());
            errorLimit = Math.max(errorLimit, 2 * previous.errorPercent() + 1);
        }
        figures.put("errorPercentLimit", errorLimit);
        ErrorRate errorRate = ErrorRate.of(candidate.errors(), candidate.responses());
        figures.put("errorPercentLowerBound", errorRate.lowerPercent());
        if (candidate.errors() >= thresholds.minErrors() && errorRate.significantlyAbove(errorLimit)) {
            return GateVerdict.failed(gate, String.format(Locale.ROOT, "error rate %.2f %% (%d of %d responses) significantly above %.1f %% "
                            + "(its 95 %% lower bound %.2f %%)%s",
                    candidate.errorPercent(), candidate.errors(), candidate.responses(), errorLimit, errorRate.lowerPercent(),
                    previous == null || previous.responses() < thresholds.minRequests() ? ""
                            : String.format(Locale.ROOT, " (the previous release: %.2f %% of %d)", previous.errorPercent(), previous.responses())),
                    figures);
        }
        if (!end) {
            return GateVerdict.pending(gate, "judging", figures);
        }
        double limit = thresholds.p95Limit(previousP95);
        figures.put("chatP95LimitMillis", limit);
        if (latencySamples >= thresholds.minLatencySamples() && p95 > limit) {
            return GateVerdict.failed(gate, String.format(Locale.ROOT, "chat p95 %.0f ms above its limit %.0f ms (%d chat requests)",
                    p95, limit, latencySamples), figures);
        }
        if (candidate.responses() < thresholds.minRequests()) {
            return GateVerdict.pending(gate, "only " + candidate.responses() + " responses so far, " + thresholds.minRequests() + " needed", figures);
        }
        if (candidate.errorPercent() > errorLimit) {
            // too few failures to fail it, but never a pass while its error rate is above the limit: the
            // window goes on until the failures are enough to stop it or its rate falls below the limit
            return GateVerdict.pending(gate, String.format(Locale.ROOT, "error rate %.2f %% (%d of %d) above %.1f %%, too few failures to judge",
                    candidate.errorPercent(), candidate.errors(), candidate.responses(), errorLimit), figures);
        }
        return GateVerdict.passed(gate, String.format(Locale.ROOT, "error rate %.2f %% (%d of %d, limit %.1f %%), chat p95 %s (limit %.0f ms)",
                candidate.errorPercent(), candidate.errors(), candidate.responses(), errorLimit,
                Double.isNaN(p95) ? "n/a" : String.format(Locale.ROOT, "%.0f ms over %d", p95, latencySamples), limit), figures);
    }
}
