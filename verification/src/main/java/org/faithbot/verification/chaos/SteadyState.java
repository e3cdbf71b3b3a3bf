package org.faithbot.verification.chaos;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The steady-state hypothesis of an experiment: the service-level objectives measured continuously
 * under load (the probe's users and the Gatling load together), before, during and after the fault.
 *
 * @param hypothesis             the hypothesis in words, as the report shows it
 * @param baselineSeconds        how long the steady state is observed before the fault
 * @param errorPercentAtMost     the steady state: failed requests, in % (before the fault, and the
 *                               level the service must come back to)
 * @param p95MillisBelow         the steady state: p95 latency
 * @param faultErrorPercentAtMost during the fault: failed requests, in % (null: measured and reported only)
 * @param faultP95MillisBelow    during the fault: p95 latency (null: measured and reported only)
 * @param stableSeconds          recovered means: this long without a failed or slow probe request
 * @param latencyLimitMillis     a probe request slower than this counts as unhealthy
 * @param lostWritesAtMost       acknowledged writes that may be missing afterwards (always 0)
 */
public record SteadyState(String hypothesis, double baselineSeconds, double errorPercentAtMost, double p95MillisBelow,
                          Double faultErrorPercentAtMost, Double faultP95MillisBelow, double stableSeconds,
                          double latencyLimitMillis, int lostWritesAtMost) {

    static SteadyState from(JsonNode node, String experiment) {
        if (node == null || node.isMissingNode() || !node.isObject()) {
            throw new IllegalArgumentException(experiment + ": steadyState is missing");
        }
        JsonNode during = node.path("duringFault");
        JsonNode recovery = node.path("recovery");
        return new SteadyState(
                Experiment.text(node, "hypothesis", experiment),
                node.path("baselineSeconds").asDouble(2),
                Experiment.number(node, "errorPercentAtMost", experiment),
                Experiment.number(node, "p95MillisBelow", experiment),
                optional(during, "errorPercentAtMost"),
                optional(during, "p95MillisBelow"),
                recovery.path("stableSeconds").asDouble(3),
                recovery.path("latencyLimitMillis").asDouble(node.path("p95MillisBelow").asDouble(3000)),
                node.path("lostWritesAtMost").asInt(0));
    }

    private static Double optional(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isNumber() ? value.asDouble() : null;
    }

    /** A copy with another recovery stretch (self-tests and tighter game days). */
    public SteadyState withStableSeconds(double seconds) {
        return new SteadyState(hypothesis, baselineSeconds, errorPercentAtMost, p95MillisBelow, faultErrorPercentAtMost,
                faultP95MillisBelow, seconds, latencyLimitMillis, lostWritesAtMost);
    }
}
