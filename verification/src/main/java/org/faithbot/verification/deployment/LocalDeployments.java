package org.faithbot.verification.deployment;

import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ServiceInstance;
import org.faithbot.verification.traffic.TrafficProbe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The deployment machinery of the local target, one per run (see VerificationRun): HAProxy as the balancer, the
 * target's instances as the fleet, live metrics, smoke journeys, the controller and the
 * post-deployment validation. It also holds instances launched ahead of their drill (so that the
 * drills' start-ups run side by side) and hands the target back as the other specs expect it.
 */
public final class LocalDeployments {

    private final LocalTarget target;
    private final HaproxyBalancer balancer;
    private final LocalFleet fleet;
    private final HttpSmoke smoke;
    private final DeploymentController controller;
    private final PostDeploymentValidation validation;
    private final Map<String, NewInstance> prelaunched = new LinkedHashMap<>();

    public LocalDeployments(LocalTarget target) {
        this(target, DeploymentSettings.local());
    }

    private LocalDeployments(LocalTarget target, DeploymentSettings settings) {
        this.target = target;
        this.balancer = new HaproxyBalancer(target.balancer());
        this.fleet = new LocalFleet(target);
        this.smoke = new HttpSmoke(target.tokens());
        this.controller = new DeploymentController(balancer, fleet, new LiveMetrics(balancer, fleet), smoke, settings);
        this.validation = new PostDeploymentValidation(balancer, fleet, smoke, target.baseUrl());
    }

    public Balancer balancer() {
        return balancer;
    }

    public Fleet fleet() {
        return fleet;
    }

    public DeploymentController controller() {
        return controller;
    }

    public PostDeploymentValidation validation() {
        return validation;
    }

    public SmokeCheck smoke() {
        return smoke;
    }

    /** Starts an instance of the release now, for a drill to come; returns at once. */
    public synchronized NewInstance prelaunch(String name, Release release) {
        NewInstance instance = prelaunched.get(name);
        if (instance == null) {
            instance = fleet.launch(name, release);
            prelaunched.put(name, instance);
            System.out.println("[deployment] launched " + name + " ahead of its drill: release " + release);
        }
        return instance;
    }

    /**
     * Returns once the instances started ahead (which may still be starting) have settled: ready, exited, or live
     * without being ready for a while; at the latest after the controller's readiness timeout.
     */
    public void awaitStartUps(List<NewInstance> instances) {
        new StartUpWait(controller.settings()).await(instances);
    }

    /**
     * Warms the ready ones of the instances started ahead, before any load, in parallel; {@code faultyChats} says, by
     * name, which fail a share of their chat requests on purpose (and get only a short warm-up).
     */
    public void warmUp(List<NewInstance> instances, Map<String, Boolean> faultyChats) {
        new ReleaseWarmUp(target).warm(instances, faultyChats);
    }

    /** The instances launched ahead under these names, handed to a deployment (which owns them from now on). */
    public synchronized List<NewInstance> take(List<String> names) {
        List<NewInstance> taken = new ArrayList<>();
        for (String name : names) {
            NewInstance instance = prelaunched.remove(name);
            if (instance != null) {
                taken.add(instance);
            }
        }
        return taken;
    }

    public synchronized boolean launchedAhead(String name) {
        return prelaunched.containsKey(name);
    }

    /** The names among {@code candidates} that no running instance has. */
    public List<String> free(List<String> candidates) {
        return candidates.stream().filter(n -> !fleet.running(n) && !launchedAhead(n)).toList();
    }

    /** The instances behind the servers set to take requests now (ready, with a weight). */
    public List<String> inRotation() {
        return balancer.servers().values().stream().filter(ServerState::active)
                .map(s -> balancer.instanceBehind(s.name()).orElse(s.name())).toList();
    }

    /**
     * Hands the target back as the other specs expect it: exactly the instances {@code names} (s1, s2),
     * each behind the server of its name, in rotation. Instances launched ahead and not used are
     * retired; when other instances serve (a drill left its release in place), the release is rolled
     * out onto those names first. Returns the rolling deployment when one was needed.
     */
    public Optional<DeploymentOutcome> handBack(List<String> names, Release release) {
        List<CompletableFuture<Void>> retiring = new ArrayList<>();
        synchronized (this) {
            for (String name : List.copyOf(prelaunched.keySet())) {
                prelaunched.remove(name);
                retiring.add(CompletableFuture.runAsync(() -> fleet.retire(name)));
            }
        }
        retiring.forEach(CompletableFuture::join);
        Optional<DeploymentOutcome> rollout = Optional.empty();
        Set<String> serving = new LinkedHashSet<>(inRotation());
        boolean asExpected = serving.equals(new LinkedHashSet<>(names))
                && names.stream().allMatch(n -> balancer.serverOf(n).map(n::equals).orElse(false));
        if (!asExpected) {
            if (!free(names).equals(names)) {
                throw new IllegalStateException("cannot hand the local target back: instances " + names + " are wanted, " + serving
                        + " serve, and some of the wanted names are taken");
            }
            // the rollout's gates judge live traffic: between two specs there is none but this probe's
            try (TrafficProbe probe = TrafficProbe.start(target.baseUrl(), target.tokens(), 4, java.time.Duration.ofMillis(100),
                    java.time.Duration.ofMinutes(5))) {
                rollout = Optional.of(controller.deploy(DeploymentPlan.of(Strategy.ROLLING, release, padded(names, serving.size()))));
            }
            if (!rollout.get().completed()) {
                throw new IllegalStateException("handing the local target back failed:\n" + rollout.get().describe());
            }
        }
        // instances neither wanted nor serving (left by a drill that broke off) are retired
        for (ServiceInstance instance : target.instances()) {
            if (!names.contains(instance.name())) {
                balancer.serverOf(instance.name()).ifPresent(balancer::detach);
                fleet.retire(instance.name());
            }
        }
        return rollout;
    }

    private static List<String> padded(List<String> names, int count) {
        if (count != names.size()) {
            throw new IllegalStateException("cannot hand back " + names + " over " + count + " serving instances");
        }
        return names;
    }
}
