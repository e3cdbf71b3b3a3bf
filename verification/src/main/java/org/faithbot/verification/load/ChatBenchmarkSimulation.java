package org.faithbot.verification.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * The service benchmark (issue 3): {@code load.users} clients (200) each sending chat messages back
 * to back, without pause, for {@code load.hold-seconds} (60 s). Passes with no error at all and a
 * p95 below 300 ms. Run by bin/benchmark, outside the specs.
 */
public class ChatBenchmarkSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystem();
    private final Journeys journeys = new Journeys(settings);

    private final ScenarioBuilder clients = scenario("chat clients sending back to back")
            .exec(journeys.arrive())
            .during(settings.hold()).on(journeys.sendChatMessage());

    {
        setUp(clients.injectClosed(constantConcurrentUsers(settings.users()).during(settings.hold())))
                .protocols(journeys.protocol())
                .maxDuration(settings.hold().plusSeconds(30))
                .assertions(
                        global().failedRequests().count().is(0L),
                        details(Journeys.CHAT_MESSAGE).responseTime().percentile(95.0).lt(300));
    }
}
