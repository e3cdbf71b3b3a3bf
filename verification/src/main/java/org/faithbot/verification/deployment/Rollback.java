package org.faithbot.verification.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Puts the previous release back when a gate failed: its servers get back the states and weights
 * they had before the deployment, the new release's servers go into maintenance, and the rollback
 * is complete when nothing is in flight on them any more and the previous release's servers are up
 * again. The new instances are then retired.
 */
final class Rollback {

    /**
     * @param switchedBackAt when the balancer was told to send everything to the previous release
     * @param rolledBackAt   when nothing was in flight on the new release's servers any more
     * @param newRequestsAfterDetection responses the new release's servers gave after the detection
     */
    record Done(DeploymentOutcome.Result result, Instant switchedBackAt, Instant rolledBackAt, long newRequestsAfterDetection) {
    }

    private final DeploymentRun run;
    private final Balancer balancer;

    private Rollback(DeploymentRun run) {
        this.run = run;
        this.balancer = run.balancer();
    }

    static Done of(DeploymentRun run) {
        return new Rollback(run).rollBack();
    }

    private Done rollBack() {
        List<String> oldServers = run.oldServers();
        List<String> newServers = run.newServers();
        long atDetection = newServers.isEmpty() ? 0 : responses(newServers);
        for (String server : oldServers) {
            ServerState was = run.before(server);
            if (was.adminState() == ServerState.AdminState.READY) {
                balancer.admit(server, was.weight());
            } else {
                balancer.setWeight(server, was.weight());
                balancer.setState(server, was.adminState());
            }
        }
        for (String server : newServers) {
            balancer.setState(server, ServerState.AdminState.MAINT);
        }
        Instant switchedBackAt = Instant.now();
        run.note("rollback: previous release's servers %s restored, new servers %s in maintenance", oldServers, newServers);
        Instant deadline = Instant.now().plus(run.settings().drainTimeout());
        boolean drained = false;
        while (Instant.now().isBefore(deadline)) {
            Map<String, ServerState> states = balancer.servers();
            if (newServers.stream().allMatch(s -> states.get(s).inMaintenance() && states.get(s).currentSessions() == 0)) {
                drained = true;
                break;
            }
            DeploymentRun.pause(Duration.ofMillis(5));
        }
        Instant rolledBackAt = Instant.now();
        long newRequestsAfterDetection = newServers.isEmpty() ? 0 : responses(newServers) - atDetection;
        boolean restored = drained && awaitRestored(oldServers);
        run.note("rollback %s: all traffic back on the previous release %.3f s after the detection",
                restored ? "complete" : "FAILED", DeploymentRun.seconds(Duration.between(run.detectedAt(), rolledBackAt)));
        for (String instance : run.instances().keySet()) {
            run.serverOf(instance).ifPresent(balancer::detach);
            run.retireInBackground(instance);
        }
        return new Done(restored ? DeploymentOutcome.Result.ROLLED_BACK : DeploymentOutcome.Result.ROLLBACK_FAILED,
                switchedBackAt, rolledBackAt, newRequestsAfterDetection);
    }

    /** Every server of the previous release is back in the state and weight it had, and up. */
    private boolean awaitRestored(List<String> oldServers) {
        Instant deadline = Instant.now().plus(run.settings().upTimeout());
        while (Instant.now().isBefore(deadline)) {
            Map<String, ServerState> states = balancer.servers();
            boolean restored = oldServers.stream().allMatch(s -> {
                ServerState now = states.get(s);
                ServerState was = run.before(s);
                return now.adminState() == was.adminState() && now.weight() == was.weight()
                        && (!was.inRotation() || now.inRotation());
            });
            if (restored) {
                return true;
            }
            DeploymentRun.pause(Duration.ofMillis(20));
        }
        run.note("previous release not restored: %s", balancer.servers().values());
        return false;
    }

    private long responses(List<String> servers) {
        Map<String, ServerState> states = balancer.servers();
        return servers.stream().mapToLong(s -> states.get(s).responses()).sum();
    }
}
