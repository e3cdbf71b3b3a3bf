package org.faithbot.verification.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGenerator;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A load held in the background while something else happens (the deployment drills, a game day),
 * until the harness says it is over (it creates {@code load.stop-file}) or {@code load.hold-seconds}
 * have passed. {@code load.users} members, in one of two shapes ({@code load.shape}):
 * <ul>
 *   <li>{@code mix} (the deployment drills'): closed model on the weighted mix of journeys, ramped
 *       in over {@code load.ramp-seconds}; a control user stops the generator at the stop file;</li>
 *   <li>{@code chat} (the game day's): open arrival over {@code load.ramp-seconds}, then each member
 *       sends a message every one to two seconds and downloads their data every 5th turn, until the
 *       stop file (they finish their turn). Every request is timed and appended, as it completes, to
 *       {@code load.samples-file} (start in epoch ms, latency in ms, 1 or 0 for success), so the
 *       harness can judge each experiment's window while the load goes on.</li>
 * </ul>
 * No assertions of its own: the callers judge its figures (a bad release is meant to fail some requests).
 */
public class BackgroundLoadSimulation extends Simulation {

    /** The mix of the deployment drills. */
    public static final String MIX = "mix";
    /** The chatting members of a game day. */
    public static final String CHAT = "chat";

    private final LoadSettings settings = LoadSettings.fromSystem();
    private final Journeys journeys = new Journeys(settings);
    private final Telemetry telemetry = new Telemetry();
    private final Path stopFile = Path.of(System.getProperty("load.stop-file", "background-load.stop"));
    private final String samplesFile = System.getProperty("load.samples-file", "");
    private final SampleWriter samples = samplesFile.isEmpty() ? null : new SampleWriter(Path.of(samplesFile));
    private final Instant deadline = Instant.now().plus(settings.ramp()).plus(settings.hold());

    {
        if (CHAT.equals(System.getProperty("load.shape", MIX))) {
            setUp(chattingMembers()).protocols(journeys.protocol()).maxDuration(settings.hold());
        } else {
            setUp(mixedMembers(), control()).protocols(journeys.protocol()).maxDuration(settings.ramp().plus(settings.hold()).plusSeconds(30));
        }
    }

    private PopulationBuilder mixedMembers() {
        ScenarioBuilder members = scenario("members using the chatbot during deployments")
                .exec(journeys.arrive())
                .exec(telemetry.userStarts())
                .exec(journeys.weightedMix())
                .exec(telemetry.userLeaves());
        return members.injectClosed(
                rampConcurrentUsers(0).to(settings.users()).during(settings.ramp()),
                constantConcurrentUsers(settings.users()).during(settings.hold().plusSeconds(5)));
    }

    private PopulationBuilder control() {
        return scenario("end of the drills")
                .exec(asLongAs(session -> !Files.exists(stopFile) && Instant.now().isBefore(deadline)).on(pause(Duration.ofMillis(200))))
                .exec(stopLoadGenerator("the deployment drills are over"))
                .injectOpen(atOnceUsers(1));
    }

    private PopulationBuilder chattingMembers() {
        ScenarioBuilder members = scenario("members chatting through the game day")
                .exec(journeys.arrive())
                .exec(session -> session.set("turn", 0))
                .exec(asLongAs(session -> !Files.exists(stopFile)).on(
                        pause(Duration.ofMillis(1000), Duration.ofMillis(2000)),
                        timed(journeys.sendChatMessage()),
                        exec(session -> session.set("turn", session.getInt("turn") + 1)),
                        doIf(session -> session.getInt("turn") % 5 == 0).then(
                                timed(exec(http("export my data").get("/api/v1/me/export").check(status().is(200)))))));
        return members.injectOpen(rampUsers(settings.users()).during(settings.ramp()));
    }

    private ChainBuilder timed(ChainBuilder request) {
        if (samples == null) {
            return request;
        }
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
        if (samples != null) {
            samples.startFlushing();
        }
    }

    @Override
    public void after() {
        if (samples != null) {
            samples.close();
        }
        Map<String, Object> content = new LinkedHashMap<>(telemetry.toMap());
        content.put("mix", Journeys.describeMix(settings.features()));
        Telemetry.write(settings.telemetryFile(), content);
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
            add(startEpochMillis + "," + String.format(Locale.ROOT, "%.1f", latencyMillis) + "," + (ok ? 1 : 0) + "\n");
        }

        /** A line of another shape (ending in a line break). */
        void add(String line) {
            pending.add(line);
        }

        void startFlushing() {
            flusher = Thread.ofPlatform().daemon().name("background-load-samples").start(() -> {
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
