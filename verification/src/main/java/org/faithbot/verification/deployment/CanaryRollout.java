package org.faithbot.verification.deployment;

import java.util.List;

/**
 * The new fleet takes a growing share of the traffic (the settings' canary steps: 10 %, 50 %,
 * 100 %), each step baked on live metrics against the previous release's servers over the same
 * window; at 100 % the previous release is drained and retired.
 */
final class CanaryRollout implements Rollout {

    @Override
    public void roll(DeploymentRun run) {
        run.launchAndAttach(instance -> run.smoke().warmUp(instance.url(), run.settings().warmUpRequests()));
        List<String> oldServers = run.oldServers();
        List<String> newServers = run.newServers();
        Balancer balancer = run.balancer();
        int oldWeight = run.before(oldServers.getFirst()).weight();
        ServerMetrics previousWindow = null;
        for (int step : run.settings().canarySteps()) {
            if (step < 100) {
                int[] weights = weights(step, oldServers.size(), newServers.size());
                oldServers.forEach(s -> balancer.setWeight(s, weights[0]));
                newServers.forEach(s -> balancer.admit(s, weights[1]));
                run.note("canary step %d %%: weights old %d x %d, new %d x %d", step, oldServers.size(), weights[0], newServers.size(), weights[1]);
            } else {
                newServers.forEach(s -> balancer.admit(s, oldWeight));
                oldServers.forEach(s -> balancer.setState(s, ServerState.AdminState.DRAIN));
                run.note("canary step 100 %%: old %s drained", oldServers);
            }
            run.trafficStarted();
            ServerMetrics measured = run.bake("canary " + step + " %", newServers, step < 100 ? oldServers : List.of(), previousWindow);
            if (step < 100 && measured != null) {
                previousWindow = measured;
            }
        }
        run.awaitIdle(oldServers, "previous release");
        run.retire(oldServers);
    }

    /**
     * The weights that give the new servers {@code percent} of the traffic: {old weight, new weight},
     * each within HAProxy's 1..256.
     */
    static int[] weights(int percent, int oldCount, int newCount) {
        double share = percent / 100.0;
        double oldWeight = 100;
        double newWeight = oldWeight * share * oldCount / ((1 - share) * newCount);
        double scale = Math.min(1.0, 256 / Math.max(newWeight, oldWeight));
        return new int[] {(int) Math.max(1, Math.round(oldWeight * scale)), (int) Math.max(1, Math.round(newWeight * scale))};
    }
}
