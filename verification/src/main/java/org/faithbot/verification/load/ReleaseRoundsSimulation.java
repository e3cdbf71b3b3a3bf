package org.faithbot.verification.load;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.Simulation;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.nothingFor;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The previous release and this one under the same open arrival rate, in alternating rounds ({@link ReleaseRounds}):
 * one scenario per release, each with its own instance's URL, injecting only in its own warm-up and rounds. Every chat message is timed and written with its release and round to
 * {@code load.samples-file}; the harness judges the two samples. No assertions of its own.
 */
public class ReleaseRoundsSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystem();
    private final Journeys journeys = new Journeys(settings);
    private final ReleaseRounds rounds = ReleaseRounds.fromSystem();
    private final BackgroundLoadSimulation.SampleWriter samples =
            new BackgroundLoadSimulation.SampleWriter(Path.of(System.getProperty("load.samples-file", "release-rounds.csv")));
    private final AtomicLong origin = new AtomicLong();
    private final AtomicLong originEpochMillis = new AtomicLong();

    {
        setUp(release(ReleaseRounds.Release.PREVIOUS, System.getProperty("rounds.previous-url")),
                release(ReleaseRounds.Release.CANDIDATE, System.getProperty("rounds.candidate-url")))
                .maxDuration(rounds.length().plusSeconds(45));
    }

    private PopulationBuilder release(ReleaseRounds.Release release, String url) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("rounds." + release.label() + "-url is not set");
        }
        return scenario("members asking the " + release.label() + " release")
                .exec(journeys.arrive())
                .exec(timed(release, journeys.sendChatMessage(Journeys.CHAT_MESSAGE + " (" + release.label() + " release)")))
                .injectOpen(injection(release))
                .protocols(journeys.protocol().baseUrl(url));
    }

    /**
     * The warm-ups (the previous release's first, then this one's, each rising from a fifth of the rate), the pause, then
     * the full rate in this release's rounds and nothing in the other's.
     */
    private List<OpenInjectionStep> injection(ReleaseRounds.Release release) {
        List<OpenInjectionStep> steps = new ArrayList<>();
        OpenInjectionStep warm = rampUsersPerSec(rounds.rate() / 5).to(rounds.rate()).during(rounds.warmUp());
        OpenInjectionStep idle = nothingFor(rounds.warmUp());
        steps.add(release == ReleaseRounds.Release.PREVIOUS ? warm : idle);
        steps.add(release == ReleaseRounds.Release.PREVIOUS ? idle : warm);
        steps.add(nothingFor(ReleaseRounds.PAUSE));
        for (int i = 0; i < rounds.played(); i++) {
            steps.add(rounds.releaseOf(i) == release ? constantUsersPerSec(rounds.rate()).during(rounds.round()) : nothingFor(rounds.round()));
        }
        return steps;
    }

    private ChainBuilder timed(ReleaseRounds.Release release, ChainBuilder request) {
        return exec(session -> {
            long now = System.nanoTime();
            if (origin.compareAndSet(0, now)) {
                originEpochMillis.set(System.currentTimeMillis());
            }
            return session.set("sample.start", System.currentTimeMillis()).set("sample.nanos", now);
        })
                .exec(request)
                .exec(session -> {
                    long sent = session.getLong("sample.nanos");
                    int round = rounds.roundAt(Duration.ofNanos(sent - origin.get()));
                    samples.add(ReleaseRounds.Sample.line(release, round, session.getLong("sample.start"), (System.nanoTime() - sent) / 1e6,
                            !session.isFailed()));
                    return session;
                });
    }

    @Override
    public void before() {
        samples.startFlushing();
    }

    @Override
    public void after() {
        samples.close();
        Telemetry.write(settings.telemetryFile(), Map.<String, Object>of(ReleaseRounds.ORIGIN, originEpochMillis.get()));
    }
}
