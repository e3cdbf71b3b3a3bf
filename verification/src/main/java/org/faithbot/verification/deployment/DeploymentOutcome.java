package org.faithbot.verification.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What a deployment did, with its timeline: when it launched, when the new release first took
 * traffic, when a gate stopped it, when all traffic was back on the previous release, and when it ended.
 *
 * @param oldServers          the servers in rotation before the deployment (the previous release)
 * @param oldInstances        the instances behind them
 * @param newServers          the servers the new instances were put behind (empty when none got that far)
 * @param before              every server's state before the deployment
 * @param after               every server's state when it ended
 * @param trafficAt           when the new release first had a share of the traffic (null: never)
 * @param detectedAt          when a gate failed it (null: none did)
 * @param switchedBackAt      when the balancer had the previous release's servers back and the new ones in maintenance: from then on
 *                            every new request went to the previous release
 * @param rolledBackAt        when all traffic was back on the previous release: new servers out of rotation, nothing in flight on them
 * @param minimumInRotation   the fewest servers set to take requests (ready, with a weight) at any moment: the capacity the
 *                            deployment itself kept
 * @param minimumHealthy      the fewest of them up by the balancer's health checks at any moment (a check failing under load counts)
 * @param newRequestsAfterDetection requests the new release's servers still answered after the detection (in flight then)
 */
public record DeploymentOutcome(DeploymentPlan plan, Result result, List<String> oldServers, List<String> oldInstances, List<String> newServers,
                                Map<String, ServerState> before, Map<String, ServerState> after,
                                Instant launchedAt, Instant readyAt, Instant trafficAt, Instant detectedAt, Instant switchedBackAt, Instant rolledBackAt, Instant finishedAt,
                                GateVerdict failedGate, List<GateVerdict> verdicts, List<String> timeline, int minimumInRotation,
                                int minimumHealthy, long newRequestsAfterDetection) {

    public enum Result {
        /** the new release serves all traffic; the previous one is retired */
        COMPLETED,
        /** a gate stopped the new release and all traffic is back on the previous one */
        ROLLED_BACK,
        /** a gate stopped the new release but the previous one could not be restored */
        ROLLBACK_FAILED
    }

    public boolean completed() {
        return result == Result.COMPLETED;
    }

    public boolean rolledBack() {
        return result == Result.ROLLED_BACK;
    }

    /**
     * Whether the rollback put the previous release back as it was: rolled back, and each of its servers with the
     * admin state and weight it had before the deployment.
     */
    public boolean previousReleaseRestored() {
        return rolledBack() && oldServers.stream().allMatch(server -> before.get(server) != null && after.get(server) != null
                && before.get(server).adminState() == after.get(server).adminState() && before.get(server).weight() == after.get(server).weight());
    }

    /** From the detection until all traffic is back on the previous release. */
    public Duration rollbackTime() {
        return detectedAt == null || rolledBackAt == null ? null : Duration.between(detectedAt, rolledBackAt);
    }

    /** From the detection until every new request went to the previous release (requests in flight on the new one still finishing). */
    public Duration switchBackTime() {
        return detectedAt == null || switchedBackAt == null ? null : Duration.between(detectedAt, switchedBackAt);
    }

    /** From the launch of the new instances until the deployment ended (completed or rolled back). */
    public Duration deploymentTime() {
        return Duration.between(launchedAt, finishedAt);
    }

    /** From the new release's first traffic until the detection: how long members were exposed to it. */
    public Duration exposure() {
        return trafficAt == null || detectedAt == null ? Duration.ZERO : Duration.between(trafficAt, detectedAt);
    }

    public String describe() {
        StringBuilder text = new StringBuilder(plan.describe()).append(": ").append(result);
        if (failedGate != null) {
            text.append(" (").append(failedGate.describe()).append(')');
        }
        text.append("\nservers before: ").append(states(before)).append("\nservers after:  ").append(states(after));
        text.append("\ntimeline:\n  ").append(String.join("\n  ", timeline));
        return text.toString();
    }

    private static String states(Map<String, ServerState> servers) {
        return servers.values().stream().filter(s -> !s.inMaintenance() || s.address().length() > 0 && !s.address().endsWith(":1"))
                .map(s -> s.name() + " " + s.status() + " w" + s.weight()).collect(Collectors.joining(", "));
    }
}
