package org.faithbot.verification.deployment;

import org.faithbot.verification.load.BackgroundLoad;
import org.faithbot.verification.load.LoadProfile;
import org.faithbot.verification.load.LoadRun;
import org.faithbot.verification.load.SharedLoads;
import org.faithbot.verification.local.CpuGroups;
import org.faithbot.verification.target.Target;
import org.faithbot.verification.traffic.ProbeTimeline;
import org.faithbot.verification.traffic.TrafficProbe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The traffic of one deployment drill (one scenario): the members' Gatling load, the scenario's own or the drills'
 * shared background load, and the steady-state probe beside it recording every request; the load's conditions in
 * words go with every figure of the drill.
 */
public final class DrillTraffic {

    /** The probe: {@link #PROBE_USERS} users, each sending a chat message every {@link #PROBE_PACE}. */
    public static final Duration PROBE_PACE = Duration.ofMillis(500);
    public static final int PROBE_USERS = 8;

    private final Target target;
    private final Path projectRoot;
    private final DrillsBackgroundLoad drills;
    private final Supplier<LocalDeployments> deployments;
    private BackgroundLoad scenarioLoad;
    private LoadRun finishedLoad;
    private TrafficProbe probe;
    private String loadConditions = "";

    /**
     * @param deployments the local deployment machinery, asked for only on the local target
     */
    public DrillTraffic(Target target, Path projectRoot, DrillsBackgroundLoad drills, Supplier<LocalDeployments> deployments) {
        this.target = target;
        this.projectRoot = projectRoot;
        this.drills = drills;
        this.deployments = deployments;
    }

    /**
     * The scenario's own load of the expected members ({@code inTheTests} under the test load profile), on instances
     * as warm as the performance specs find them, and the probe beside it.
     */
    public void expectedLoad(int expected, int inTheTests, SharedLoads loads) {
        int users = "test".equals(LoadProfile.current().name()) ? inTheTests : expected;
        drills.changingTheTarget();
        // the instances in rotation as warm as the performance specs find them (once per run)
        loads.warmUpOnce();
        // a 30 s ramp, as the performance specs': 1000 members arriving within 10 s overrun this machine's two instances
        scenarioLoad = BackgroundLoad.start(target, projectRoot, "deployment-" + users, users, Duration.ofSeconds(30), Duration.ofSeconds(240));
        scenarioLoad.awaitFullLoad(Duration.ofSeconds(120));
        loadConditions = "Gatling: " + scenarioLoad.conditions();
        startProbe();
    }

    /** The drills' shared background load of {@code users} members (started by the first drill to join it), and the probe beside it. */
    public void backgroundLoad(int users) {
        if ("local".equals(target.name())) {
            deployments.get(); // the balancer's counters at the load's start are the local machinery's
        }
        BackgroundLoad drillsLoad = drills.join(users);
        loadConditions = "Gatling (one load across the drills): " + drillsLoad.conditions();
        startProbe();
    }

    private void startProbe() {
        probe = TrafficProbe.start(target.baseUrl(), target.tokens(), PROBE_USERS, PROBE_PACE, Duration.ofMinutes(5));
        runFor(Duration.ofSeconds(1));
    }

    /** Lets the traffic run for {@code duration} (a window of the probe's, requests in flight finishing). */
    public void runFor(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Ends the scenario's own load. */
    public LoadRun endLoad() {
        finishedLoad = scenarioLoad.stop();
        return finishedLoad;
    }

    /** Ends the drills' shared background load. */
    public LoadRun endDrillsLoad() {
        finishedLoad = drills.load().stop();
        return finishedLoad;
    }

    /** The load that ended last in this drill. */
    public LoadRun finishedLoad() {
        return finishedLoad;
    }

    public TrafficProbe probe() {
        return probe;
    }

    /** What the probe has recorded so far. */
    public ProbeTimeline timeline() {
        return probe.timeline();
    }

    /** The load in words, for the figures' conditions. */
    /** The load's conditions, and on the local target the CPU share each process had (a cgroup per process, as ECS's per task). */
    public String loadConditions() {
        return target.local() ? loadConditions + "; " + CpuGroups.shared().describe() : loadConditions;
    }

    /** At the end of the scenario: the probe stopped, and the scenario's own load if it still runs (the shared one runs on). */
    public void stop() {
        if (probe != null) {
            probe.stop();
        }
        if (scenarioLoad != null && scenarioLoad.running()) {
            scenarioLoad.stop();
        }
    }
}
