package org.faithbot.verification.deployment;

import java.util.ArrayList;
import java.util.List;

/**
 * One instance at a time: a new instance joins beside the remaining old ones, is baked on live
 * metrics against them, then one old server is drained and leaves (kept warm until the rollout
 * ends); capacity never drops.
 */
final class RollingRollout implements Rollout {

    @Override
    public void roll(DeploymentRun run) {
        List<String> oldServers = run.oldServers();
        List<String> remaining = new ArrayList<>(oldServers);
        Balancer balancer = run.balancer();
        for (int i = 0; i < oldServers.size(); i++) {
            String old = oldServers.get(i);
            String name = run.plan().newInstances().get(i);
            // an instance launched before the deployment is used as it is (launch() would count its launch time)
            NewInstance instance = run.instances().get(name);
            if (instance == null) {
                instance = run.launch(List.of(name)).getFirst();
            }
            run.awaitReady(List.of(instance));
            run.checkRelease(instance);
            run.smoke().warmUp(instance.url(), run.settings().warmUpRequests());
            String server = run.attach(instance);
            balancer.admit(server, run.before(old).weight());
            run.trafficStarted();
            run.note("rolling: %s joined beside %s", server, remaining);
            run.bake("rolling " + instance.name(), List.of(server), remaining, null);
            balancer.setState(old, ServerState.AdminState.DRAIN);
            remaining.remove(old);
            run.awaitIdle(List.of(old), "replaced");
            balancer.setState(old, ServerState.AdminState.MAINT);
            run.note("rolling: %s replaced by %s (kept warm until the rollout ends)", old, server);
        }
        run.retire(oldServers);
    }
}
