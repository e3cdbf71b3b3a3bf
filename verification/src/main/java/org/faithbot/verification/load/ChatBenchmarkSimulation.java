package org.faithbot.verification.load;

import java.time.Duration;

import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The service benchmark (issue 3): {@code load.users} clients (200) each sending chat messages back
 * to back, without pause, for {@code load.hold-seconds} (60 s). Passes with no failed request and a
 * p95 below 300 ms. Run by bin/benchmark, outside the specs.
 *
 * <p>With {@code load.warm-up-seconds}, the same load runs first for that long in this same JVM, its
 * requests named {@value #WARM_UP_REQUEST} and never judged, and the judged clients take over
 * straight after: the service is then as warm as a production instance, and so is the injector
 * (a fresh Gatling JVM spent the first 15 s of the judged minute compiling its own code on the
 * machine's two cores, which alone set the p95).
 */
public class ChatBenchmarkSimulation extends Simulation {

    static final String WARM_UP_REQUEST = Journeys.CHAT_MESSAGE + " (warm-up)";

    private final LoadSettings settings = LoadSettings.fromSystem();
    private final Journeys journeys = new Journeys(settings);
    private final Duration warmUp = Duration.ofSeconds(Long.getLong("load.warm-up-seconds", 0));

    {
        PopulationBuilder judged = clients("chat clients sending back to back", Journeys.CHAT_MESSAGE, settings.hold());
        PopulationBuilder load = warmUp.isPositive()
                ? clients("warm-up: chat clients sending back to back", WARM_UP_REQUEST, warmUp).andThen(judged)
                : judged;
        setUp(load)
                .protocols(journeys.protocol())
                .maxDuration(warmUp.plus(settings.hold()).plusSeconds(30))
                .assertions(
                        details(Journeys.CHAT_MESSAGE).failedRequests().count().is(0L),
                        details(Journeys.CHAT_MESSAGE).responseTime().percentile(95.0).lt(300));
    }

    private PopulationBuilder clients(String name, String requestName, Duration during) {
        ScenarioBuilder clients = scenario(name)
                .exec(journeys.arrive())
                .during(during).on(journeys.sendChatMessage(requestName));
        return clients.injectClosed(constantConcurrentUsers(settings.users()).during(during));
    }
}
