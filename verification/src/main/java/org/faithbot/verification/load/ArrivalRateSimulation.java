package org.faithbot.verification.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;


import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Arrival rates (open model): members arrive at {@code load.levels} per second, whatever the
 * service's answers, each asking one question. One level held for {@code load.level-seconds} is the
 * sustained-throughput test; a rising ladder of levels is the capacity search, which stops as soon as
 * a level breaks the SLOs. Each level's figures are judged by the {@link RateLadder}.
 */
public class ArrivalRateSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystem();
    private final Journeys journeys = new Journeys(settings);
    private final RateLadder ladder = new RateLadder(settings.levels(), settings.level(), settings.ramp(),
            settings.sloP95Millis(), settings.sloErrorPercent(), settings.stopWhenBroken());

    private final ScenarioBuilder arrivals = scenario("members arriving with one question")
            .exec(journeys.arrive())
            .exec(ladder.measured(journeys.quickQuestion()));

    {
        setUp(arrivals.injectOpen(ladder.injection()))
                .protocols(journeys.protocol())
                .maxDuration(ladder.totalLength().plusSeconds(45))
                .assertions(
                        global().failedRequests().percent().lt(settings.sloErrorPercent()),
                        details(Journeys.CHAT_MESSAGE).responseTime().percentile(95.0).lt((int) settings.sloP95Millis()));
    }

    @Override
    public void before() {
        ladder.startJudging();
    }

    @Override
    public void after() {
        Telemetry.write(settings.telemetryFile(), ladder.results());
    }

}
