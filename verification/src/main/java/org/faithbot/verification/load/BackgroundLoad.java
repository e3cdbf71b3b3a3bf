package org.faithbot.verification.load;

import org.faithbot.verification.target.Target;
import org.faithbot.verification.traffic.ProbeSample;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A Gatling load held in the background ({@link BackgroundLoadSimulation}) while the deployment drills
 * or a game day go on: started in its own JVM by the harness's {@link GatlingRunner}, on a thread of
 * its own, held until {@link #stop()} (a stop file the simulation watches) or its maximum hold, and
 * bounded by the runner's timeout after which the JVM is killed by PID. Its own count of failed
 * requests (KO) is evidence; a game day's load also hands back its requests as they complete.
 */
public final class BackgroundLoad implements AutoCloseable {

    private final LoadPlan plan;
    private final Path stopFile;
    private final Path samplesFile;
    private final ServiceFeatures features;
    private final boolean nullOnFailure;
    private final Duration stopWait;
    private final CompletableFuture<Instant> injecting = new CompletableFuture<>();
    private final CompletableFuture<LoadRun> run = new CompletableFuture<>();
    private final List<ProbeSample> samples = new ArrayList<>();
    private long readOffset;
    private LoadRun finished;

    /**
     * @param nullOnFailure whether {@link #stop()} returns null rather than failing when the load failed
     * @param stopWait      how long {@link #stop()} waits for the run to end
     */
    private BackgroundLoad(LoadPlan plan, Path stopFile, Path samplesFile, ServiceFeatures features, boolean nullOnFailure, Duration stopWait) {
        this.plan = plan;
        this.stopFile = stopFile;
        this.samplesFile = samplesFile;
        this.features = features;
        this.nullOnFailure = nullOnFailure;
        this.stopWait = stopWait;
    }

    /**
     * The deployment drills' load: {@code users} concurrent members on the weighted mix, ramped in over
     * {@code ramp}, held at most {@code maxHold}. Returns at once ({@link #awaitFullLoad}); its
     * {@link #stop()} fails when the load failed.
     */
    public static BackgroundLoad start(Target target, Path projectRoot, String name, int users, Duration ramp, Duration maxHold) {
        ServiceFeatures features = ServiceFeatures.probe(target);
        GatlingRunner runner = new GatlingRunner(projectRoot);
        Path stopFile = freshFile(runner, name + ".stop");
        Map<String, String> properties = properties(BackgroundLoadSimulation.MIX, users, ramp, maxHold, stopFile);
        properties.put("load.features", features.available().stream().map(f -> f.name().toLowerCase()).reduce((a, b) -> a + "," + b).orElse(""));
        String conditions = String.format("%d concurrent users (closed model), weighted mix [%s], ramp %d s, held through the drills (at most %d s), think time 5-15 s between chat messages, 2-6 s between other actions",
                users, String.join(", ", Journeys.describeMix(features.available())), ramp.toSeconds(), maxHold.toSeconds());
        LoadPlan plan = new LoadPlan(name, BackgroundLoadSimulation.class, properties, ramp, ramp.plus(maxHold), ramp.plus(maxHold).plusMinutes(2),
                "1g", conditions);
        BackgroundLoad load = new BackgroundLoad(plan, stopFile, null, features, false, plan.timeout());
        load.launch(runner, target, "drill-load-" + name);
        return load;
    }

    /**
     * The game day's load: {@code users} members chatting through the balancer for at most
     * {@code maxDuration}, their requests read back as they complete ({@link #samplesSince}). Returns
     * once its users are arriving (or fails when it could not start); its {@link #stop()} returns
     * null when the load failed ({@link #failure()} says why).
     */
    public static BackgroundLoad start(Target target, Path projectRoot, int users, Duration maxDuration) {
        GatlingRunner runner = new GatlingRunner(projectRoot);
        Path stopFile = freshFile(runner, "game-day.stop");
        Path samplesFile = freshFile(runner, "game-day-samples.csv");
        Map<String, String> properties = properties(BackgroundLoadSimulation.CHAT, users, Duration.ofSeconds(4), maxDuration, stopFile);
        properties.put("load.samples-file", samplesFile.toString());
        String conditions = users + " members chatting through the balancer for the whole game day (Gatling, open arrival over 4 s, then each sends a message every 1-2 s and downloads their data every 5th turn)";
        LoadPlan plan = new LoadPlan("game-day", BackgroundLoadSimulation.class, properties, Duration.ofSeconds(5), maxDuration,
                maxDuration.plusMinutes(2), "512m", conditions);
        BackgroundLoad load = new BackgroundLoad(plan, stopFile, samplesFile, null, true, Duration.ofMinutes(2));
        load.launch(runner, target, "game-day-load");
        try {
            load.injecting.get(90, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("the game day's Gatling load could not start", e.getCause());
        } catch (TimeoutException e) {
            load.stop();
            throw new IllegalStateException("the game day's Gatling load did not start within 90 s");
        }
        return load;
    }

    private static Map<String, String> properties(String shape, int users, Duration ramp, Duration maxHold, Path stopFile) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("load.shape", shape);
        properties.put("load.users", Integer.toString(users));
        properties.put("load.ramp-seconds", Long.toString(ramp.toSeconds()));
        properties.put("load.hold-seconds", Long.toString(maxHold.toSeconds()));
        properties.put("load.stop-file", stopFile.toString());
        return properties;
    }

    private static Path freshFile(GatlingRunner runner, String name) {
        Path file = runner.resultsFolder().resolve(name);
        try {
            Files.createDirectories(runner.resultsFolder());
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private void launch(GatlingRunner runner, Target target, String threadName) {
        Thread.ofPlatform().daemon(true).name(threadName).start(() -> {
            try {
                run.complete(runner.run(plan, target, () -> injecting.complete(Instant.now()), Map.of()));
            } catch (Throwable e) {
                injecting.completeExceptionally(e);
                run.completeExceptionally(e);
            }
        });
    }

    public LoadPlan plan() {
        return plan;
    }

    public String conditions() {
        return plan.conditions();
    }

    /** The journeys the drills' load found available (null for a game day's, which does not probe them). */
    public ServiceFeatures features() {
        return features;
    }

    public int users() {
        return Integer.parseInt(plan.properties().get("load.users"));
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

    /** Why the load failed, or null (while it runs, or when it did not fail). */
    public RuntimeException failure() {
        if (!run.isCompletedExceptionally()) {
            return null;
        }
        try {
            run.join();
            return null;
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** The load's requests that completed so far, started at or after {@code from} (a game day's load only; none otherwise). */
    public synchronized List<ProbeSample> samplesSince(Instant from) {
        readNew();
        return samples.stream().filter(s -> !s.startedAt().isBefore(from)).toList();
    }

    private void readNew() {
        if (samplesFile == null || !Files.exists(samplesFile)) {
            return;
        }
        try (RandomAccessFile file = new RandomAccessFile(samplesFile.toFile(), "r")) {
            long length = file.length();
            if (length <= readOffset) {
                return;
            }
            byte[] bytes = new byte[(int) (length - readOffset)];
            file.seek(readOffset);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return;
            }
            for (String line : text.substring(0, end).split("\n")) {
                String[] f = line.split(",");
                if (f.length == 3) {
                    samples.add(new ProbeSample(Instant.ofEpochMilli(Long.parseLong(f[0])), Double.parseDouble(f[1]), f[2].equals("1") ? 200 : 500));
                }
            }
            readOffset += text.substring(0, end + 1).getBytes(StandardCharsets.UTF_8).length;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + samplesFile, e);
        }
    }

    /**
     * Ends the load (the simulation stops at its next look at the stop file) and returns the finished
     * run. When the load failed: the drills' load throws; the game day's returns null (its report is
     * written whatever the load did; {@link #failure()} says why).
     */
    public synchronized LoadRun stop() {
        if (finished != null) {
            return finished;
        }
        try {
            Files.writeString(stopFile, "stop\n");
            finished = run.get(stopWait.toSeconds(), TimeUnit.SECONDS);
            return finished;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            if (nullOnFailure) {
                return null;
            }
            throw new IllegalStateException("the load " + plan.name() + " failed", e.getCause());
        } catch (TimeoutException e) {
            if (nullOnFailure) {
                return null;
            }
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
