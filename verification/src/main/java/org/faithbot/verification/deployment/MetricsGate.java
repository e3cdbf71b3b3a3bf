package org.faithbot.verification.deployment;

import org.faithbot.verification.comparison.ErrorRate;
import org.faithbot.verification.comparison.LatencyComparison;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The canary analysis: the new release's live figures over a window against the thresholds and the previous
 * release's, by the comparison scheme (package {@code comparison}). The error rate may stop it as soon as it is clear
 * (at least {@code minErrors} failures and the rate significantly above the limit: its Wilson lower bound,
 * {@link ErrorRate}); the p95 and the pass are judged once the step's window is over: its chat p95 against the
 * previous release's by {@link LatencyComparison} (significantly above the tolerance to fail; at least
 * {@link LatencyComparison#minSamples} chat requests a side). With too few chat requests the window grows; at its
 * longest, a release whose error rate passes is passed with its p95 stated as not judged (not enough samples), never
 * failed on it. A release whose error rate is above the limit is never passed, even with too few failures to fail it yet.
 */
public final class MetricsGate {

    /** The bootstrap's seed: the same figures give the same verdict. */
    private static final long SEED = 20261206L;

    /** Where the step's window is. */
    public enum Window {
        /** still running: only a failure can be decided */
        RUNNING,
        /** over: the p95 and the pass are judged, and the window grows while there are not enough samples */
        ENDED,
        /** at its longest: a p95 still without enough samples is stated as not judged */
        LONGEST
    }

    private final GateThresholds thresholds;

    public MetricsGate(GateThresholds thresholds) {
        this.thresholds = thresholds;
    }

    public GateThresholds thresholds() {
        return thresholds;
    }

    /** Judges the new release against the thresholds only (the previous release unknown: the SLO is the p95's limit). */
    public GateVerdict judge(String gate, ServerMetrics candidate, Window window) {
        return judge(gate, candidate, null, window);
    }

    /**
     * @param candidate what the new release's servers did over the window
     * @param previous  what the previous release's servers did over the same window or the one just before (null: unknown);
     *                  its error rate raises the limit, so that a strain on everything (the data store under load) is not
     *                  blamed on the new release: it fails above max(the threshold, twice the previous release's rate + 1 point);
     *                  its chat requests are the sample the new release's p95 is held against
     */
    public GateVerdict judge(String gate, ServerMetrics candidate, ServerMetrics previous, Window window) {
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("responses", (double) candidate.responses());
        figures.put("failed", (double) candidate.errors());
        figures.put("errorPercent", candidate.errorPercent());
        double errorLimit = thresholds.maxErrorPercent();
        boolean previousCounts = previous != null && previous.responses() >= thresholds.minRequests();
        if (previousCounts) {
            figures.put("previousResponses", (double) previous.responses());
            figures.put("previousErrorPercent", previous.errorPercent());
            errorLimit = Math.max(errorLimit, 2 * previous.errorPercent() + 1);
        }
        figures.put("errorPercentLimit", errorLimit);
        ErrorRate errorRate = ErrorRate.of(candidate.errors(), candidate.responses());
        figures.put("errorPercentLowerBound", errorRate.lowerPercent());
        if (candidate.errors() >= thresholds.minErrors() && errorRate.significantlyAbove(errorLimit)) {
            return GateVerdict.failed(gate, String.format(Locale.ROOT, "error rate %s significantly above %.1f %% (its 95 %% lower bound)%s",
                    errorRate.describe(), errorLimit, previousCounts ? String.format(Locale.ROOT, " (the previous release: %.2f %% of %d responses)",
                            previous.errorPercent(), previous.responses()) : ""), figures);
        }
        if (window == Window.RUNNING) {
            return GateVerdict.pending(gate, "judging", figures);
        }
        LatencyComparison p95 = LatencyComparison.of(previous == null ? new double[0] : previous.chatLatency().samplesMillis(),
                candidate.chatLatency().samplesMillis(), 95, thresholds.tolerance(), SEED);
        figures.put("chatRequests", (double) p95.afterSamples());
        figures.put("previousChatRequests", (double) p95.beforeSamples());
        putIfKnown(figures, "chatP95Millis", p95.afterMillis());
        putIfKnown(figures, "previousChatP95Millis", p95.beforeMillis());
        putIfKnown(figures, "chatP95LimitMillis", p95.limitMillis());
        putIfKnown(figures, "chatP95ExcessLowMillis", p95.excessLowMillis());
        if (p95.verdict() == LatencyComparison.Verdict.REGRESSED) {
            return GateVerdict.failed(gate, "chat " + p95.describe(), figures);
        }
        if (!p95.enoughSamples() && window != Window.LONGEST) {
            return GateVerdict.pending(gate, "window growing: chat " + p95.describe(), figures);
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
        figures.put("chatP95Judged", p95.enoughSamples() ? 1.0 : 0.0);
        return GateVerdict.passed(gate, String.format(Locale.ROOT, "error rate %s, limit %.1f %%; chat %s%s", errorRate.describe(), errorLimit,
                p95.describe(), p95.enoughSamples() ? "" : " (the step passed on its error rate, its p95 not judged)"), figures);
    }

    private static void putIfKnown(Map<String, Double> figures, String name, double value) {
        if (!Double.isNaN(value)) {
            figures.put(name, value);
        }
    }
}
