package org.faithbot.verification.chaos;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import org.faithbot.verification.load.Journeys;
import org.faithbot.verification.load.LoadSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The game day's background load (Gatling, in its own JVM): {@code chaos.load.users} members chat
 * through the balancer for the whole game day, each sending a message every one to two seconds and
 * now and then downloading their data, until the harness asks them to leave (a stop file) or
 * {@code chaos.load.max-seconds} has passed. Every request is timed and appended, as it completes,
 * to {@code chaos.load.samples-file} (start in epoch ms, latency in ms, 1 or 0 for success), so the
 * harness can judge each experiment's window of the load while the load goes on.
 */
public class GameDayLoadSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystem();
    private final Journeys journeys = new Journeys(settings);
    private final int users = Integer.getInteger("chaos.load.users", 20);
    private final Duration maxDuration = Duration.ofSeconds(Long.getLong("chaos.load.max-seconds", 420));
    private final Path stopFile = Path.of(System.getProperty("chaos.load.stop-file", "chaos-load.stop"));
    private final SampleWriter samples = new SampleWriter(Path.of(System.getProperty("chaos.load.samples-file", "chaos-load-samples.csv")));

    private final ScenarioBuilder members = scenario("members chatting through the game day")
            .exec(journeys.arrive())
            .exec(session -> session.set("turn", 0))
            .exec(asLongAs(session -> !Files.exists(stopFile)).on(
                    pause(Duration.ofMillis(1000), Duration.ofMillis(2000)),
                    timed(journeys.sendChatMessage()),
                    exec(session -> session.set("turn", session.getInt("turn") + 1)),
                    doIf(session -> session.getInt("turn") % 5 == 0).then(
                            timed(exec(http("export my data").get("/api/v1/me/export").check(status().is(200)))))));

    {
        setUp(members.injectOpen(rampUsers(users).during(Duration.ofSeconds(4))))
                .protocols(journeys.protocol())
                .maxDuration(maxDuration);
    }

    private ChainBuilder timed(ChainBuilder request) {
        return exec(session -> session.set("sample.start", System.currentTimeMillis()).set("sample.nanos", System.nanoTime()))
                .exec(request)
                .exec(session -> {
                    double millis = (System.nanoTime() - session.getLong("sample.nanos")) / 1e6;
                    samples.add(session.getLong("sample.start"), millis, !session.isFailed());
                    return session.markAsSucceeded();
                });
    }

    @Override
    public void before() {
        samples.startFlushing();
    }

    @Override
    public void after() {
        samples.close();
    }

    /** Appends the samples to the file every 250 ms (and at the end), so the harness reads them as the load goes on. */
    static final class SampleWriter {

        private final Path file;
        private final ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>();
        private volatile boolean running = true;
        private Thread flusher;

        SampleWriter(Path file) {
            this.file = file;
        }

        void add(long startEpochMillis, double latencyMillis, boolean ok) {
            pending.add(startEpochMillis + "," + String.format(java.util.Locale.ROOT, "%.1f", latencyMillis) + "," + (ok ? 1 : 0) + "\n");
        }

        void startFlushing() {
            flusher = Thread.ofPlatform().daemon().name("game-day-samples").start(() -> {
                while (running) {
                    flush();
                    try {
                        Thread.sleep(250);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }

        synchronized void flush() {
            StringBuilder out = new StringBuilder();
            for (String line = pending.poll(); line != null; line = pending.poll()) {
                out.append(line);
            }
            if (out.isEmpty()) {
                return;
            }
            try {
                Files.writeString(file, out, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void close() {
            running = false;
            if (flusher != null) {
                flusher.interrupt();
            }
            flush();
        }
    }
}
