package org.faithbot.verification.deployment;

import org.faithbot.verification.load.GatlingRunner;
import org.faithbot.verification.load.Journeys;
import org.faithbot.verification.load.LoadPlan;
import org.faithbot.verification.load.LoadRun;
import org.faithbot.verification.load.ServiceFeatures;
import org.faithbot.verification.target.Target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Gatling load in the background of the deployment drills: started in its own JVM (by the
 * harness's {@link GatlingRunner}, on a thread of its own so the drills go on meanwhile), held until
 * {@link #stop()} (a stop file the simulation watches) or its maximum hold, and bounded by the
 * runner's timeout after which the JVM is killed. Its own count of failed requests (KO) is evidence.
 */
public final class DrillLoad implements AutoCloseable {

    private final LoadPlan plan;
    private final Path stopFile;
    private final ServiceFeatures features;
    private final CompletableFuture<Instant> injecting = new CompletableFuture<>();
    private final CompletableFuture<LoadRun> run = new CompletableFuture<>();
    private LoadRun finished;

    private DrillLoad(LoadPlan plan, Path stopFile, ServiceFeatures features) {
        this.plan = plan;
        this.stopFile = stopFile;
        this.features = features;
    }

    /** Starts {@code users} concurrent members on the weighted mix, ramped in over {@code ramp}, held at most {@code maxHold}. */
    public static DrillLoad start(Target target, Path projectRoot, String name, int users, Duration ramp, Duration maxHold) {
        ServiceFeatures features = ServiceFeatures.probe(target);
        GatlingRunner runner = new GatlingRunner(projectRoot);
        Path stopFile = runner.resultsFolder().resolve(name + ".stop");
        try {
            Files.createDirectories(runner.resultsFolder());
            Files.deleteIfExists(stopFile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("load.users", Integer.toString(users));
        properties.put("load.ramp-seconds", Long.toString(ramp.toSeconds()));
        properties.put("load.hold-seconds", Long.toString(maxHold.toSeconds()));
        properties.put("load.features", features.available().stream().map(f -> f.name().toLowerCase()).reduce((a, b) -> a + "," + b).orElse(""));
        properties.put("load.stop-file", stopFile.toString());
        String conditions = String.format("%d concurrent users (closed model), weighted mix [%s], ramp %d s, held through the drills (at most %d s), think time 5-15 s between chat messages, 2-6 s between other actions",
                users, String.join(", ", Journeys.describeMix(features.available())), ramp.toSeconds(), maxHold.toSeconds());
        LoadPlan plan = new LoadPlan(name, DrillLoadSimulation.class, properties, ramp, ramp.plus(maxHold), ramp.plus(maxHold).plusMinutes(2),
                "1g", conditions);
        DrillLoad load = new DrillLoad(plan, stopFile, features);
        Thread.ofPlatform().daemon(true).name("drill-load-" + name).start(() -> {
            try {
                load.run.complete(runner.run(plan, target, () -> load.injecting.complete(Instant.now()), Map.of()));
            } catch (Throwable e) {
                load.injecting.completeExceptionally(e);
                load.run.completeExceptionally(e);
            }
        });
        return load;
    }

    public LoadPlan plan() {
        return plan;
    }

    public String conditions() {
        return plan.conditions();
    }

    public ServiceFeatures features() {
        return features;
    }

    /** Waits until Gatling injects and the ramp is over: the full load is on. Returns when the injection started. */
    public Instant awaitFullLoad(Duration timeout) {
        try {
            Instant started = injecting.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Duration rest = Duration.between(Instant.now(), started.plus(plan.steadyFrom()));
            if (!rest.isNegative()) {
                Thread.sleep(rest);
            }
            return started;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the load " + plan.name() + " did not start", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the load " + plan.name() + " did not start injecting within " + timeout);
        }
    }

    public boolean running() {
        return !run.isDone();
    }

    /** Ends the load (the simulation stops at its next look at the stop file) and returns the finished run. */
    public synchronized LoadRun stop() {
        if (finished != null) {
            return finished;
        }
        try {
            Files.writeString(stopFile, "stop\n");
            finished = run.get(plan.timeout().toSeconds(), TimeUnit.SECONDS);
            return finished;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the load " + plan.name() + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the load " + plan.name() + " did not end", e);
        } finally {
            try {
                Files.deleteIfExists(stopFile);
            } catch (IOException ignored) {
                // a leftover stop file is deleted by the next start
            }
        }
    }

    @Override
    public void close() {
        if (running()) {
            stop();
        }
    }
}
