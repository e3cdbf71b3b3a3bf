package org.faithbot.verification.deployment;

import org.faithbot.verification.load.BackgroundLoad;
import org.faithbot.verification.target.Target;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The deployment drills' run-wide state: the background load the drills after the first share (started by the
 * first of them, ended by the spec that judges it or when the drills' feature is over), what the balancer had
 * counted when it started, the failed requests the bad releases' drills caused under it, and whether the drills
 * have changed the local target so that it must be handed back before any other feature runs.
 */
public final class DrillsBackgroundLoad {

    /** The instances the other specs expect in rotation, and the release the drills leave on them. */
    public static final java.util.List<String> HOME = java.util.List.of("s1", "s2");
    public static final Release HOME_RELEASE = Release.good("2.5.0");

    private final Target target;
    private final Path projectRoot;
    private final java.util.function.Supplier<Optional<LocalDeployments>> deployments;
    private BackgroundLoad load;
    private Balancer.Counters atStart;
    private long failedByBadReleases;
    private boolean handBackPending;

    public DrillsBackgroundLoad(Target target, Path projectRoot, java.util.function.Supplier<Optional<LocalDeployments>> deployments) {
        this.target = target;
        this.projectRoot = projectRoot;
        this.deployments = deployments;
    }

    /** The drills' shared load of {@code users} members, started now unless it runs; returns once it is at full load. */
    public synchronized BackgroundLoad join(int users) {
        handBackPending = true;
        if (load == null || !load.running()) {
            atStart = deployments.get().map(d -> d.balancer().frontend()).orElse(null);
            failedByBadReleases = 0;
            load = BackgroundLoad.start(target, projectRoot, "deployment-drills-" + users, users, Duration.ofSeconds(5), Duration.ofSeconds(420));
        }
        load.awaitFullLoad(Duration.ofSeconds(120));
        return load;
    }

    public synchronized BackgroundLoad load() {
        if (load == null) {
            throw new IllegalStateException("the drills' background load was not started in this run");
        }
        return load;
    }

    /** What the balancer had counted when the shared load started (null off the local target). */
    public synchronized Balancer.Counters countedAtStart() {
        return atStart;
    }

    public synchronized void countFailedByBadRelease(long failed) {
        failedByBadReleases += failed;
    }

    public synchronized long failedByBadReleases() {
        return failedByBadReleases;
    }

    /** The drills are changing the local target: it is handed back when they are over. */
    public synchronized void changingTheTarget() {
        handBackPending = true;
    }

    /** The last drill handed the target back itself. */
    public synchronized void handedBack() {
        handBackPending = false;
    }

    /** Ends the shared load if it runs and, with {@code handBack}, hands the local target back as the other features expect it. */
    public synchronized void end(boolean handBack) {
        if (load != null && load.running()) {
            try {
                load.stop();
            } catch (RuntimeException e) {
                System.out.println("[deployment] the drills' load did not end cleanly: " + e);
            }
        }
        if (handBackPending && handBack) {
            handBackPending = false;
            deployments.get().ifPresent(d -> d.handBack(HOME, HOME_RELEASE));
        }
    }
}
