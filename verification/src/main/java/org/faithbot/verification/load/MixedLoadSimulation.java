package org.faithbot.verification.load;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.util.LinkedHashMap;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * Concurrent users (closed model): {@code load.users} members at once, each on one journey of the
 * weighted mix (chat sessions with typing pauses, web visits, prayer connect, account and privacy);
 * a member who finishes is replaced by a new one, so the concurrency holds for the whole plateau.
 * When the plateau ends, journeys still under way are left at their next step (so the run ends on
 * time rather than trailing off).
 * 1000 users is the expected load, 2000 twice that.
 */
public class MixedLoadSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystem();
    private final Journeys journeys = new Journeys(settings);
    private final Telemetry telemetry = new Telemetry();

    /** The end of the plateau: a journey still under way then is left at its next step, so the load ends on time. */
    private final java.time.Duration end = settings.ramp().plus(settings.hold());

    private final ScenarioBuilder members = scenario("members using the chatbot")
            .exec(journeys.arrive())
            .exec(telemetry.userStarts())
            .asLongAs(session -> (!session.contains("journey") || session.getInt("journey") == 0) && telemetry.sinceFirstArrival().compareTo(end) < 0, "journey", true)
            .on(journeys.weightedMix())
            .exec(telemetry.userLeaves());

    {
        setUp(members.injectClosed(
                rampConcurrentUsers(0).to(settings.users()).during(settings.ramp()),
                constantConcurrentUsers(settings.users()).during(settings.hold())))
                .protocols(journeys.protocol())
                .maxDuration(end.plusSeconds(60))
                .assertions(
                        global().failedRequests().percent().lt(settings.sloErrorPercent()),
                        details(Journeys.CHAT_MESSAGE).responseTime().percentile(95.0).lt((int) settings.sloP95Millis()));
    }

    @Override
    public void after() {
        Map<String, Object> content = new LinkedHashMap<>(telemetry.toMap());
        content.put("mix", Journeys.describeMix(settings.features()));
        Telemetry.write(settings.telemetryFile(), content);
    }
}
