package org.faithbot.verification.deployment;

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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Deploys a release by one of the three strategies, driving the balancer and the fleet, and rolls
 * it back by itself when a gate fails: the previous release's servers get back the states and
 * weights they had before the deployment, the new release's servers go into maintenance, and the
 * rollback is complete when nothing is in flight on them any more. The new instances are then
 * retired. Gates: readiness (a new instance must become ready; live but never ready fails it),
 * the release it reports, smoke journeys straight to it (blue-green), and the live-metrics gate
 * (error rate and p95 of the new release's servers while they take real traffic).
 */
public final class DeploymentController {

    /**
     * Smoke journeys run this many at once on each green instance: the gate, and the warm-up of a JVM about to take all
     * the traffic at once (its JIT and its data store connections), as traffic on a test listener warms a green task set.
     */
    private static final int SMOKE_STREAMS = 6;

    private final Balancer balancer;
    private final Fleet fleet;
    private final MetricsSource metrics;
    private final SmokeCheck smoke;
    private final DeploymentSettings settings;
    private final MetricsGate gate;

    public DeploymentController(Balancer balancer, Fleet fleet, MetricsSource metrics, SmokeCheck smoke, DeploymentSettings settings) {
        this.balancer = balancer;
        this.fleet = fleet;
        this.metrics = metrics;
        this.smoke = smoke;
        this.settings = settings;
        this.gate = new MetricsGate(settings.thresholds());
    }

    public DeploymentSettings settings() {
        return settings;
    }

    public DeploymentOutcome deploy(DeploymentPlan plan) {
        return new Run(plan).execute();
    }

    /** A gate stopped the release. */
    private static final class GateFailed extends RuntimeException {
        private final GateVerdict verdict;

        GateFailed(GateVerdict verdict) {
            super(verdict.describe(), null, false, false);
            this.verdict = verdict;
        }
    }

    private final class Run {

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

        Run(DeploymentPlan plan) {
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
                switch (plan.strategy()) {
                    case BLUE_GREEN -> blueGreen();
                    case CANARY -> canary();
                    case ROLLING -> rolling();
                }
                result = DeploymentOutcome.Result.COMPLETED;
                note("completed: release %s serves all traffic on %s", release.label(), attached.values());
            } catch (GateFailed failure) {
                failedGate = failure.verdict;
                detectedAt = failure.verdict.at();
                note("gate failed: %s", failure.verdict.describe());
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

        // ------------------------------------------------------------------ strategies

        private void blueGreen() {
            List<NewInstance> green = launch(plan.newInstances());
            awaitReady(green);
            parallel(green, instance -> {
                checkRelease(instance);
                SmokeCheck.Result result = smokeInStreams(instance);
                GateVerdict verdict = result.passed()
                        ? GateVerdict.passed("smoke " + instance.name(), result.describe(), Map.of("requests", (double) result.requests()))
                        : GateVerdict.failed("smoke " + instance.name(), result.describe(),
                        Map.of("requests", (double) result.requests(), "failed", (double) result.failed()));
                record(verdict);
            });
            for (NewInstance instance : green) {
                attach(instance);
            }
            ServerMetrics previousWindow = previousReleaseWindow();
            int weight = before.get(oldServers.getFirst()).weight();
            for (String server : attached.values()) {
                balancer.setWeight(server, weight);
            }
            for (String server : oldServers) {
                balancer.setState(server, ServerState.AdminState.DRAIN);
            }
            trafficAt = Instant.now();
            note("switched: green %s takes all traffic, blue %s drained and kept warm", attached.values(), oldServers);
            awaitIdle(oldServers, "blue");
            bake("post-switch", List.copyOf(attached.values()), List.of(), previousWindow);
            note("blue %s retired", oldServers);
            retire(oldServers);
        }

        private void canary() {
            List<NewInstance> canaries = launch(plan.newInstances());
            awaitReady(canaries);
            parallel(canaries, instance -> {
                checkRelease(instance);
                smoke.warmUp(instance.url(), settings.warmUpRequests());
            });
            for (NewInstance instance : canaries) {
                attach(instance);
            }
            List<String> newServers = List.copyOf(attached.values());
            int oldWeight = before.get(oldServers.getFirst()).weight();
            ServerMetrics previousWindow = null;
            for (int step : settings.canarySteps()) {
                if (step < 100) {
                    int[] weights = weights(step, oldServers.size(), newServers.size());
                    oldServers.forEach(s -> balancer.setWeight(s, weights[0]));
                    newServers.forEach(s -> balancer.setWeight(s, weights[1]));
                    note("canary step %d %%: weights old %d x %d, new %d x %d", step, oldServers.size(), weights[0], newServers.size(), weights[1]);
                } else {
                    newServers.forEach(s -> balancer.setWeight(s, oldWeight));
                    oldServers.forEach(s -> balancer.setState(s, ServerState.AdminState.DRAIN));
                    note("canary step 100 %%: old %s drained", oldServers);
                }
                if (trafficAt == null) {
                    trafficAt = Instant.now();
                }
                ServerMetrics measured = bake("canary " + step + " %", newServers, step < 100 ? oldServers : List.of(), previousWindow);
                if (step < 100 && measured != null) {
                    previousWindow = measured;
                }
            }
            awaitIdle(oldServers, "previous release");
            retire(oldServers);
        }

        private void rolling() {
            List<String> remaining = new ArrayList<>(oldServers);
            for (int i = 0; i < oldServers.size(); i++) {
                String old = oldServers.get(i);
                String name = plan.newInstances().get(i);
                NewInstance instance = instances.containsKey(name) ? instances.get(name) : launch(List.of(name)).getFirst();
                awaitReady(List.of(instance));
                checkRelease(instance);
                smoke.warmUp(instance.url(), settings.warmUpRequests());
                String server = attach(instance);
                balancer.setWeight(server, before.get(old).weight());
                if (trafficAt == null) {
                    trafficAt = Instant.now();
                }
                note("rolling: %s joined beside %s", server, remaining);
                bake("rolling " + instance.name(), List.of(server), remaining, null);
                balancer.setState(old, ServerState.AdminState.DRAIN);
                remaining.remove(old);
                awaitIdle(List.of(old), "replaced");
                balancer.setState(old, ServerState.AdminState.MAINT);
                note("rolling: %s replaced by %s (kept warm until the rollout ends)", old, server);
            }
            retire(oldServers);
        }

        // ------------------------------------------------------------------ steps

        private List<NewInstance> launch(List<String> names) {
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
        private void awaitReady(List<NewInstance> pending) {
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

        /**
         * The smoke journeys straight to a green instance, in {@link #SMOKE_STREAMS} streams at once: a gate, and the
         * warm-up of a JVM about to take all the traffic at once.
         */
        private SmokeCheck.Result smokeInStreams(NewInstance instance) {
            int streams = Math.max(1, Math.min(SMOKE_STREAMS, settings.smokeJourneys()));
            try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<CompletableFuture<SmokeCheck.Result>> running = new ArrayList<>();
                for (int i = 0; i < streams; i++) {
                    int journeys = settings.smokeJourneys() / streams + (i < settings.smokeJourneys() % streams ? 1 : 0);
                    running.add(CompletableFuture.supplyAsync(() -> smoke.journeys(instance.url(), release, journeys), executor));
                }
                List<SmokeCheck.Result> results = running.stream().map(CompletableFuture::join).toList();
                List<String> failures = new ArrayList<>();
                List<String> versions = new ArrayList<>();
                List<String> servedBy = new ArrayList<>();
                results.forEach(r -> {
                    failures.addAll(r.failures());
                    versions.addAll(r.versions());
                    servedBy.addAll(r.servedBy());
                });
                return new SmokeCheck.Result(results.stream().mapToInt(SmokeCheck.Result::requests).sum(),
                        results.stream().mapToInt(SmokeCheck.Result::failed).sum(), failures, versions, servedBy);
            }
        }

        /** The instance must report the release it was launched with: the right build is deployed. */
        private void checkRelease(NewInstance instance) {
            Optional<String> label = smoke.releaseLabel(instance.url());
            String gateName = "release " + instance.name();
            if (label.isEmpty() || !label.get().equals(release.label())) {
                record(GateVerdict.failed(gateName, "reports release " + label.orElse("(none)") + ", not " + release.label(), Map.of()));
            }
            record(GateVerdict.passed(gateName, "reports release " + release.label(), Map.of()));
        }

        /** Puts the instance behind the balancer at weight 0 and waits until the balancer's health checks see it up. */
        private String attach(NewInstance instance) {
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

        /** What the previous release did over a short window just before a switch: its error rate and chat p95. */
        private ServerMetrics previousReleaseWindow() {
            Map<String, ServerMetrics> start = metrics.read(oldServers);
            pause(settings.baselineWindow());
            ServerMetrics window = ServerMetrics.change(metrics.read(oldServers), start, oldServers);
            double p95 = p95(window);
            note("previous release over %d s: %d responses, %.2f %% failed, chat p95 %s (%d chat requests)", settings.baselineWindow().toSeconds(),
                    window.responses(), window.errorPercent(), Double.isNaN(p95) ? "n/a" : String.format(Locale.ROOT, "%.0f ms", p95),
                    window.chatLatency().count());
            return window;
        }

        private double p95(ServerMetrics window) {
            return window == null || window.chatLatency().count() < settings.thresholds().minLatencySamples()
                    ? Double.NaN : window.chatLatency().p95Millis();
        }

        /**
         * Judges the candidate servers over one bake window on live metrics; fails the deployment as soon as the gate
         * does. The previous release's figures come from {@code baselineServers} over the same window, or are
         * {@code previousWindow}'s. Returns what the baseline servers did over the window (null when there were none).
         */
        private ServerMetrics bake(String gateName, List<String> candidates, List<String> baselineServers, ServerMetrics previousWindow) {
            List<String> all = new ArrayList<>(candidates);
            all.addAll(baselineServers);
            Map<String, ServerMetrics> start = metrics.read(all);
            Instant begin = Instant.now();
            while (true) {
                pause(settings.interval());
                Duration elapsed = Duration.between(begin, Instant.now());
                boolean end = elapsed.compareTo(settings.stepBake()) >= 0;
                Map<String, ServerMetrics> now = end ? metrics.read(all) : ServerMetrics.counters(balancer.servers(), all);
                ServerMetrics candidate = ServerMetrics.change(now, start, candidates);
                ServerMetrics baseline = baselineServers.isEmpty() ? null : ServerMetrics.change(now, start, baselineServers);
                ServerMetrics previous = baseline != null ? baseline : previousWindow;
                double previousP95 = baseline != null && !Double.isNaN(p95(baseline)) ? p95(baseline) : p95(previousWindow);
                GateVerdict verdict = gate.judge(gateName, candidate, previous, previousP95, end);
                if (verdict.failed() || verdict.passed()) {
                    record(verdict);
                    return baseline;
                }
                if (elapsed.compareTo(settings.maxBake()) > 0) {
                    record(GateVerdict.failed(gateName, "not enough traffic to judge within " + settings.maxBake().toSeconds() + " s: "
                            + verdict.reason(), verdict.figures()));
                }
            }
        }

        /** Waits until nothing is in flight on the servers (drained). */
        private void awaitIdle(List<String> servers, String what) {
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
        private void retire(List<String> servers) {
            for (String server : servers) {
                balancer.setState(server, ServerState.AdminState.MAINT);
                Optional<String> instance = balancer.instanceBehind(server);
                balancer.detach(server);
                instance.ifPresent(name -> retiring.add(CompletableFuture.runAsync(() -> fleet.retire(name))));
            }
        }

        private DeploymentOutcome.Result rollBack() {
            List<String> newServers = List.copyOf(attached.values());
            long atDetection = newServers.isEmpty() ? 0 : responses(newServers);
            for (String server : oldServers) {
                ServerState was = before.get(server);
                balancer.setWeight(server, was.weight());
                balancer.setState(server, was.adminState());
            }
            for (String server : newServers) {
                balancer.setState(server, ServerState.AdminState.MAINT);
            }
            switchedBackAt = Instant.now();
            note("rollback: previous release's servers %s restored, new servers %s in maintenance", oldServers, newServers);
            Instant deadline = Instant.now().plus(settings.drainTimeout());
            boolean drained = false;
            while (Instant.now().isBefore(deadline)) {
                Map<String, ServerState> states = balancer.servers();
                if (newServers.stream().allMatch(s -> states.get(s).inMaintenance() && states.get(s).currentSessions() == 0)) {
                    drained = true;
                    break;
                }
                LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
            }
            rolledBackAt = Instant.now();
            newRequestsAfterDetection = newServers.isEmpty() ? 0 : responses(newServers) - atDetection;
            boolean restored = drained && awaitRestored();
            note("rollback %s: all traffic back on the previous release %.3f s after the detection",
                    restored ? "complete" : "FAILED", seconds(Duration.between(detectedAt, rolledBackAt)));
            for (Map.Entry<String, NewInstance> instance : instances.entrySet()) {
                String server = attached.get(instance.getKey());
                if (server != null) {
                    balancer.detach(server);
                }
                retiring.add(CompletableFuture.runAsync(() -> fleet.retire(instance.getKey())));
            }
            return restored ? DeploymentOutcome.Result.ROLLED_BACK : DeploymentOutcome.Result.ROLLBACK_FAILED;
        }

        /** Every server of the previous release is back in the state and weight it had, and up. */
        private boolean awaitRestored() {
            Instant deadline = Instant.now().plus(settings.upTimeout());
            while (Instant.now().isBefore(deadline)) {
                Map<String, ServerState> states = balancer.servers();
                boolean restored = oldServers.stream().allMatch(s -> {
                    ServerState now = states.get(s);
                    ServerState was = before.get(s);
                    return now.adminState() == was.adminState() && now.weight() == was.weight()
                            && (!was.inRotation() || now.inRotation());
                });
                if (restored) {
                    return true;
                }
                pause(Duration.ofMillis(20));
            }
            note("previous release not restored: %s", balancer.servers().values());
            return false;
        }

        private long responses(List<String> servers) {
            Map<String, ServerState> states = balancer.servers();
            return servers.stream().mapToLong(s -> states.get(s).responses()).sum();
        }

        private void awaitRetirements() {
            try {
                CompletableFuture.allOf(retiring.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                note("retiring instances did not finish: %s", e);
            }
        }

        private void record(GateVerdict verdict) {
            verdicts.add(verdict);
            note("gate %s", verdict.describe());
            if (verdict.failed()) {
                throw new GateFailed(verdict);
            }
        }

        private void note(String format, Object... arguments) {
            String line = String.format(Locale.ROOT, "+%7.3f s  ", seconds(Duration.between(started, Instant.now())))
                    + String.format(Locale.ROOT, format, arguments);
            timeline.add(line);
            System.out.println("[deployment] " + line);
        }
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

    private static void parallel(List<NewInstance> instances, java.util.function.Consumer<NewInstance> action) {
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<Void>> running = instances.stream()
                    .map(i -> CompletableFuture.runAsync(() -> action.accept(i), executor)).toList();
            for (CompletableFuture<Void> future : running) {
                try {
                    future.join();
                } catch (java.util.concurrent.CompletionException e) {
                    if (e.getCause() instanceof RuntimeException runtime) {
                        throw runtime;
                    }
                    throw e;
                }
            }
        }
    }

    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
