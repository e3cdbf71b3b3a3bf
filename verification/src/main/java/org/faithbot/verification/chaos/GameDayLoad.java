package org.faithbot.verification.chaos;

import org.faithbot.verification.load.GatlingRunner;
import org.faithbot.verification.load.LoadPlan;
import org.faithbot.verification.load.LoadRun;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Gatling load under which every experiment of a game day runs: one run for the whole game day
 * ({@link GameDayLoadSimulation}, in a JVM of its own started by the {@link GatlingRunner} on a
 * thread of its own), stopped when the game day ends by a stop file (its users finish their turn
 * and Gatling writes its report), bounded by the simulation's maximum duration and by the runner's
 * timeout after which it is killed by PID. The harness reads the load's requests as they complete.
 */
public final class GameDayLoad {

    private final int users;
    private final Path stopFile;
    private final Path samplesFile;
    private final Thread thread;
    private final CountDownLatch injecting = new CountDownLatch(1);
    private final AtomicReference<LoadRun> run = new AtomicReference<>();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final List<ProbeSample> samples = new ArrayList<>();
    private long readOffset;
    private final String conditions;

    private GameDayLoad(int users, Path stopFile, Path samplesFile, Thread thread, String conditions) {
        this.users = users;
        this.stopFile = stopFile;
        this.samplesFile = samplesFile;
        this.thread = thread;
        this.conditions = conditions;
    }

    /** Starts the load against the target and returns once its users are arriving (or the start failed). */
    public static GameDayLoad start(Target target, Path projectRoot, int users, Duration maxDuration) {
        GatlingRunner runner = new GatlingRunner(projectRoot);
        Path folder = runner.resultsFolder();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path stop = folder.resolve("game-day.stop");
        Path samples = folder.resolve("game-day-samples.csv");
        try {
            Files.deleteIfExists(stop);
            Files.deleteIfExists(samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("chaos.load.users", Integer.toString(users));
        properties.put("chaos.load.max-seconds", Long.toString(maxDuration.toSeconds()));
        properties.put("chaos.load.stop-file", stop.toString());
        properties.put("chaos.load.samples-file", samples.toString());
        String conditions = users + " members chatting through the balancer for the whole game day (Gatling, open arrival over 4 s, then each sends a message every 1-2 s and downloads their data every 5th turn)";
        LoadPlan plan = new LoadPlan("game-day", GameDayLoadSimulation.class, properties, Duration.ofSeconds(5), maxDuration,
                maxDuration.plusMinutes(2), "512m", conditions);
        AtomicReference<GameDayLoad> self = new AtomicReference<>();
        Thread thread = Thread.ofPlatform().daemon().name("game-day-load").unstarted(() -> {
            GameDayLoad load = self.get();
            try {
                load.run.set(runner.run(plan, target, load.injecting::countDown));
            } catch (RuntimeException e) {
                load.failure.set(e);
            } finally {
                load.injecting.countDown();
            }
        });
        GameDayLoad load = new GameDayLoad(users, stop, samples, thread, conditions);
        self.set(load);
        thread.start();
        try {
            if (!load.injecting.await(90, TimeUnit.SECONDS)) {
                load.stop();
                throw new IllegalStateException("the game day's Gatling load did not start within 90 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (load.failure.get() != null) {
            throw new IllegalStateException("the game day's Gatling load could not start", load.failure.get());
        }
        return load;
    }

    public String conditions() {
        return conditions;
    }

    public int users() {
        return users;
    }

    public boolean running() {
        return thread.isAlive();
    }

    /** The load's requests that completed so far, started at or after {@code from}. */
    public synchronized List<ProbeSample> samplesSince(Instant from) {
        readNew();
        return samples.stream().filter(s -> !s.startedAt().isBefore(from)).toList();
    }

    private void readNew() {
        if (!Files.exists(samplesFile)) {
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

    /** Asks the users to leave and waits for Gatling's report (at most two minutes); returns the run, or null when it failed. */
    public LoadRun stop() {
        try {
            Files.writeString(stopFile, "stop\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            thread.join(Duration.ofMinutes(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return run.get();
    }

    public RuntimeException failure() {
        return failure.get();
    }
}
