package org.faithbot.verification.deployment;

import org.faithbot.verification.http.WarmUp;
import org.faithbot.verification.local.LocalTarget;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Warms every started instance that is ready, as the local target warms s1 and s2, before any load:
 * on two shared cores the JIT compiling a new JVM's hot paths would starve the instances serving
 * the members (in AWS each task has its own CPU), and a blue-green switch would hand all of their
 * traffic to JVMs still compiling. The deployment's time still counts from the launch.
 */
final class ReleaseWarmUp {

    /**
     * Chat turns (each with a conversation list and an export) sent straight to each release started
     * ahead, before the load: a good release's instances will take all of the members' traffic at the
     * switch, so they are warmed until the JIT's second tier has compiled the inner request paths (the
     * methods a request calls several times: 400 turns are 1,200 requests, past C2's 5,000 invocations
     * for those), as a JVM fleet is warmed before a blue-green switch (1,000 turns took 79 s for two
     * instances on two cores, a quarter of the deployment drills' time); a bad release's
     * only need their first requests' class loading done. The turns run in parallel over
     * {@link #WARM_UP_WORKERS} workers, a new member every {@link #WARM_UP_BATCH} turns (members'
     * histories stay short; each is erased at the end of its batch).
     */
    static final int WARM_UP_TURNS_GOOD = 400;
    static final int WARM_UP_TURNS_FAULTY = 50;
    static final int WARM_UP_BATCH = 25;
    static final int WARM_UP_WORKERS = 4;

    private final LocalTarget target;

    ReleaseWarmUp(LocalTarget target) {
        this.target = target;
    }

    /** Warms the ready ones of {@code instances}; {@code faultyChats} says, by name, which fail a share of chat requests on purpose. */
    void warm(List<NewInstance> instances, Map<String, Boolean> faultyChats) {
        List<WarmUp.Instance> ready = new ArrayList<>();
        for (NewInstance instance : instances) {
            if (!instance.alive() || instance.readinessStatus() != 200) {
                continue;
            }
            boolean faulty = faultyChats.getOrDefault(instance.name(), false);
            target.instances().stream().filter(i -> i.name().equals(instance.name())).findFirst()
                    .ifPresent(i -> ready.add(i.warmable(faulty)));
        }
        WarmUp.Timing timing = WarmUp.judgedChatTurns().warm(ready,
                i -> i.faultyChats() ? WARM_UP_TURNS_FAULTY : WARM_UP_TURNS_GOOD, WARM_UP_WORKERS, WARM_UP_BATCH, target.tokens());
        System.out.println("[deployment] " + timing.describe());
    }
}
