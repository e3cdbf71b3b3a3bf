package org.faithbot.verification.deployment;

import org.faithbot.verification.comparison.LatencyComparison;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One deployment of a release: its {@link Rollout} moves the traffic step by step, each step one
 * of the methods below (launch, readiness, release check, smoke journeys, attach, bake on live
 * metrics, drain, retire); the first gate that fails stops it and the {@link Rollback} puts the
 * previous release back. Keeps the timeline and the verdicts the outcome reports.
 */
final class DeploymentRun {

    private final Balancer balancer;
    private final Fleet fleet;
    private final MetricsSource metrics;
    private final SmokeCheck smoke;
    private final DeploymentSettings settings;
    private final MetricsGate gate;
    private final DeploymentPlan plan;
    private final Release release;
    private final Map<String, ServerState> before;
    private final List<String> oldServers;
    private final List<String> oldInstances;
    private final Map<String, NewInstance> instances = Collections.synchronizedMap(new LinkedHashMap<>());
    /** new instance name -> the server it was put behind */
    private final Map<String, String> attached = Collections.synchronizedMap(new LinkedHashMap<>());
    private final List<GateVerdict> verdicts = Collections.synchronizedList(new ArrayList<>());
    private final List<String> timeline = Collections.synchronizedList(new ArrayList<>());
    private final List<CompletableFuture<Void>> retiring = new ArrayList<>();
    private final Instant started = Instant.now();
    private Instant launchedAt;
    private Instant readyAt;
    private Instant trafficAt;
    private Instant detectedAt;
    private Instant switchedBackAt;
    private Instant rolledBackAt;
    private GateVerdict failedGate;
    private long newRequestsAfterDetection;

    DeploymentRun(DeploymentPlan plan, Balancer balancer, Fleet fleet, MetricsSource metrics, SmokeCheck smoke,
            DeploymentSettings settings) {
        this.balancer = balancer;
        this.fleet = fleet;
        this.metrics = metrics;
        this.smoke = smoke;
        this.settings = settings;
        this.gate = new MetricsGate(settings.thresholds());
        this.plan = plan;
        this.release = plan.release();
        this.before = balancer.servers();
        // the running release: every server set to take requests, even one whose health check fails at this moment
        this.oldServers = before.values().stream().filter(ServerState::active).map(ServerState::name).toList();
        this.oldInstances = oldServers.stream().map(s -> balancer.instanceBehind(s).orElse(s)).toList();
        if (oldServers.isEmpty()) {
            throw new IllegalStateException("no server takes requests: nothing to deploy over (" + before.values() + ")");
        }
        if (plan.strategy() == Strategy.ROLLING && plan.newInstances().size() != oldServers.size()) {
            throw new IllegalArgumentException("a rolling deployment replaces the " + oldServers.size() + " servers in rotation "
                    + oldServers + " one by one: give as many new instances, not " + plan.newInstances());
        }
        for (NewInstance instance : plan.launched()) {
            instances.put(instance.name(), instance);
        }
    }

    DeploymentOutcome execute() {
        note("%s; previous release on %s", plan.describe(), oldServers);
        RotationWatch watch = new RotationWatch(balancer);
        DeploymentOutcome.Result result;
        RuntimeException harnessFailure = null;
        try {
            Rollout.of(plan.strategy()).roll(this);
            result = DeploymentOutcome.Result.COMPLETED;
            note("completed: release %s serves all traffic on %s", release.label(), attached.values());
        } catch (GateFailed failure) {
            failedGate = failure.verdict();
            detectedAt = failure.verdict().at();
            note("gate failed: %s", failure.verdict().describe());
            result = rollBack();
        } catch (RuntimeException unexpected) {
            harnessFailure = unexpected;
            failedGate = GateVerdict.failed("controller", "the deployment broke off: " + unexpected, Map.of());
            detectedAt = failedGate.at();
            note("broke off: %s", unexpected);
            result = rollBack();
        } finally {
            watch.stop();
        }
        awaitRetirements();
        Instant finishedAt = Instant.now();
        DeploymentOutcome outcome = new DeploymentOutcome(plan, result, oldServers, oldInstances, List.copyOf(attached.values()), before, balancer.servers(),
                launchedAt == null ? started : launchedAt, readyAt, trafficAt, detectedAt, switchedBackAt, rolledBackAt, finishedAt, failedGate,
                List.copyOf(verdicts), List.copyOf(timeline), watch.minimum(), watch.minimumHealthy(), newRequestsAfterDetection);
        if (harnessFailure != null) {
            throw new IllegalStateException("the deployment broke off (the previous release was restored: " + result + ")\n"
                    + outcome.describe(), harnessFailure);
        }
        return outcome;
    }

    // ------------------------------------------------------------------ steps

    /**
     * The first steps of blue-green and canary: launches the plan's new instances, waits until they are
     * ready, checks the release each reports and runs {@code beforeTraffic} on each (all at once), then
     * puts them behind the balancer at weight 0.
     */
    void launchAndAttach(Consumer<NewInstance> beforeTraffic) {
        List<NewInstance> launched = launch(plan.newInstances());
        awaitReady(launched);
        parallel(launched, instance -> {
            checkRelease(instance);
            beforeTraffic.accept(instance);
        });
        for (NewInstance instance : launched) {
            attach(instance);
        }
    }

    List<NewInstance> launch(List<String> names) {
        List<NewInstance> launched = new ArrayList<>();
        for (String name : names) {
            NewInstance instance = instances.get(name);
            if (instance == null) {
                instance = fleet.launch(name, release);
                instances.put(name, instance);
                note("launched %s", name);
            }
            launched.add(instance);
        }
        Instant first = launched.stream().map(NewInstance::launchedAt).min(Instant::compareTo).orElseThrow();
        if (launchedAt == null || first.isBefore(launchedAt)) {
            launchedAt = first;
        }
        return launched;
    }

    /** Every instance must answer its readiness probe with 200; one that exits, or is live but stays unready, fails the gate. */
    void awaitReady(List<NewInstance> pending) {
        List<NewInstance> waiting = new ArrayList<>(pending);
        Map<String, Instant> liveSince = new LinkedHashMap<>();
        while (!waiting.isEmpty()) {
            for (NewInstance instance : List.copyOf(waiting)) {
                String gateName = "readiness " + instance.name();
                double age = seconds(Duration.between(instance.launchedAt(), Instant.now()));
                if (!instance.alive()) {
                    record(GateVerdict.failed(gateName, "exited during start-up:\n" + instance.logTail(15), Map.of("seconds", age)));
                }
                int readiness = instance.readinessStatus();
                if (readiness == 200) {
                    waiting.remove(instance);
                    record(GateVerdict.passed(gateName, String.format(Locale.ROOT, "ready %.1f s after its launch", age), Map.of("seconds", age)));
                    continue;
                }
                if (instance.livenessStatus() == 200) {
                    Instant live = instance.liveSince().orElseGet(() -> liveSince.computeIfAbsent(instance.name(), n -> Instant.now()));
                    Duration unready = Duration.between(live, Instant.now());
                    if (unready.compareTo(settings.liveButUnready()) > 0) {
                        record(GateVerdict.failed(gateName, String.format(Locale.ROOT,
                                "live for %.1f s but its readiness probe answers %d: it will not take traffic", seconds(unready), readiness),
                                Map.of("seconds", age, "readinessStatus", (double) readiness)));
                    }
                }
                if (Duration.between(instance.launchedAt(), Instant.now()).compareTo(settings.readinessTimeout()) > 0) {
                    record(GateVerdict.failed(gateName, "not ready " + settings.readinessTimeout().toSeconds() + " s after its launch",
                            Map.of("seconds", age)));
                }
            }
            if (!waiting.isEmpty()) {
                pause(Duration.ofMillis(200));
            }
        }
        if (readyAt == null) {
            readyAt = Instant.now();
        }
    }

    /** The instance must report the release it was launched with: the right build is deployed. */
    void checkRelease(NewInstance instance) {
        Optional<String> label = smoke.releaseLabel(instance.url());
        String gateName = "release " + instance.name();
        if (label.isEmpty() || !label.get().equals(release.label())) {
            record(GateVerdict.failed(gateName, "reports release " + label.orElse("(none)") + ", not " + release.label(), Map.of()));
        }
        record(GateVerdict.passed(gateName, "reports release " + release.label(), Map.of()));
    }

    /** Puts the instance behind the balancer at weight 0 and waits until the balancer's health checks see it up. */
    String attach(NewInstance instance) {
        String server = balancer.attach(instance.name(), instance.port());
        attached.put(instance.name(), server);
        balancer.setState(server, ServerState.AdminState.READY);
        Instant deadline = Instant.now().plus(settings.upTimeout());
        while (!balancer.server(server).status().equals("UP")) {
            if (Instant.now().isAfter(deadline)) {
                record(GateVerdict.failed("health check " + instance.name(), "the balancer does not see " + server + " up: "
                        + balancer.server(server).status(), Map.of()));
            }
            pause(Duration.ofMillis(50));
        }
        note("%s behind server %s, up, weight 0", instance.name(), server);
        return server;
    }

    /**
     * What the previous release did over a window just before a switch: its error rate and chat requests. The window
     * lasts the settings' baseline window, and grows (up to the longest bake) until it holds the chat requests the
     * comparison scheme needs for a p95 ({@link LatencyComparison#minSamples}); with fewer, the post-switch gate holds the
     * new release's p95 against the SLO alone, and says so.
     */
    ServerMetrics previousReleaseWindow() {
        Map<String, ServerMetrics> start = metrics.read(oldServers);
        Instant begin = Instant.now();
        pause(settings.baselineWindow());
        ServerMetrics window = ServerMetrics.change(metrics.read(oldServers), start, oldServers);
        while (window.chatLatency().count() < LatencyComparison.minSamples(95)
                && Duration.between(begin, Instant.now()).compareTo(settings.maxBake()) < 0) {
            pause(settings.interval());
            window = ServerMetrics.change(metrics.read(oldServers), start, oldServers);
        }
        note("previous release over %.1f s: %d responses, %.2f %% failed, chat p95 %s (%d chat requests)",
                Duration.between(begin, Instant.now()).toMillis() / 1000.0, window.responses(), window.errorPercent(),
                window.chatLatency().count() == 0 ? "n/a" : String.format(Locale.ROOT, "%.0f ms", window.chatLatency().p95Millis()),
                window.chatLatency().count());
        return window;
    }

    /**
     * Judges the candidate servers over one bake window on live metrics; fails the deployment as soon as the gate
     * does. The previous release's figures come from {@code baselineServers} over the same window, or are
     * {@code previousWindow}'s. The window lasts the step's bake, and grows up to the longest bake while the gate has not
     * enough samples to judge (see {@link MetricsGate}). Returns what the baseline servers did over the window (null when
     * there were none).
     */
    ServerMetrics bake(String gateName, List<String> candidates, List<String> baselineServers, ServerMetrics previousWindow) {
        List<String> all = new ArrayList<>(candidates);
        all.addAll(baselineServers);
        Map<String, ServerMetrics> start = metrics.read(all);
        Instant begin = Instant.now();
        while (true) {
            pause(settings.interval());
            Duration elapsed = Duration.between(begin, Instant.now());
            boolean end = elapsed.compareTo(settings.stepBake()) >= 0;
            MetricsGate.Window window = !end ? MetricsGate.Window.RUNNING
                    : elapsed.compareTo(settings.maxBake()) >= 0 ? MetricsGate.Window.LONGEST : MetricsGate.Window.ENDED;
            Map<String, ServerMetrics> now = end ? metrics.read(all) : ServerMetrics.counters(balancer.servers(), all);
            ServerMetrics candidate = ServerMetrics.change(now, start, candidates);
            ServerMetrics baseline = baselineServers.isEmpty() ? null : ServerMetrics.change(now, start, baselineServers);
            ServerMetrics previous = baseline != null ? baseline : previousWindow;
            GateVerdict verdict = gate.judge(gateName, candidate, previous, window);
            if (verdict.failed() || verdict.passed()) {
                record(verdict);
                return baseline;
            }
            if (window == MetricsGate.Window.LONGEST) {
                record(GateVerdict.failed(gateName, "not enough traffic to judge within " + settings.maxBake().toSeconds() + " s: "
                        + verdict.reason(), verdict.figures()));
            }
        }
    }

    /** Waits until nothing is in flight on the servers (drained). */
    void awaitIdle(List<String> servers, String what) {
        Instant deadline = Instant.now().plus(settings.drainTimeout());
        while (servers.stream().anyMatch(s -> balancer.server(s).currentSessions() > 0)) {
            if (Instant.now().isAfter(deadline)) {
                note("%s %s still had requests in flight after %d s", what, servers, settings.drainTimeout().toSeconds());
                return;
            }
            pause(Duration.ofMillis(10));
        }
    }

    /** Takes servers of the release that leaves out of the balancer and stops their instances (in the background). */
    void retire(List<String> servers) {
        for (String server : servers) {
            balancer.setState(server, ServerState.AdminState.MAINT);
            Optional<String> instance = balancer.instanceBehind(server);
            balancer.detach(server);
            instance.ifPresent(this::retireInBackground);
        }
    }

    /** Puts the previous release back (see {@link Rollback}) and keeps its figures for the outcome. */
    private DeploymentOutcome.Result rollBack() {
        Rollback.Done done = Rollback.of(this);
        switchedBackAt = done.switchedBackAt();
        rolledBackAt = done.rolledBackAt();
        newRequestsAfterDetection = done.newRequestsAfterDetection();
        return done.result();
    }

    // ------------------------------------------------------------------ what the rollouts and the rollback read

    DeploymentPlan plan() {
        return plan;
    }

    DeploymentSettings settings() {
        return settings;
    }

    Balancer balancer() {
        return balancer;
    }

    SmokeCheck smoke() {
        return smoke;
    }

    /** The servers of the running release, in rotation when the deployment began. */
    List<String> oldServers() {
        return oldServers;
    }

    /** A server's state before the deployment began. */
    ServerState before(String server) {
        return before.get(server);
    }

    /** The servers the new release's instances were put behind so far. */
    List<String> newServers() {
        return List.copyOf(attached.values());
    }

    /** The new release's instances launched so far, by name. */
    Map<String, NewInstance> instances() {
        synchronized (instances) {
            return Collections.unmodifiableMap(new LinkedHashMap<>(instances));
        }
    }

    /** The server a new instance was put behind, if it was. */
    Optional<String> serverOf(String instance) {
        return Optional.ofNullable(attached.get(instance));
    }

    Instant detectedAt() {
        return detectedAt;
    }

    /** The first moment the new release took real traffic. */
    void trafficStarted() {
        if (trafficAt == null) {
            trafficAt = Instant.now();
        }
    }

    /** Stops an instance of either release in the background; the run waits for it before it ends. */
    void retireInBackground(String instance) {
        retiring.add(CompletableFuture.runAsync(() -> fleet.retire(instance)));
    }

    private void awaitRetirements() {
        try {
            CompletableFuture.allOf(retiring.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            note("retiring instances did not finish: %s", e);
        }
    }

    void record(GateVerdict verdict) {
        verdicts.add(verdict);
        note("gate %s", verdict.describe());
        if (verdict.failed()) {
            throw new GateFailed(verdict);
        }
    }

    void note(String format, Object... arguments) {
        String line = String.format(Locale.ROOT, "+%7.3f s  ", seconds(Duration.between(started, Instant.now())))
                + String.format(Locale.ROOT, format, arguments);
        timeline.add(line);
        System.out.println("[deployment] " + line);
    }

    private static void parallel(List<NewInstance> instances, Consumer<NewInstance> action) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Void>> running = instances.stream()
                    .map(i -> CompletableFuture.runAsync(() -> action.accept(i), executor)).toList();
            for (CompletableFuture<Void> future : running) {
                try {
                    future.join();
                } catch (CompletionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw e;
                }
            }
        }
    }

    static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
