package org.faithbot.verification.deployment;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import org.faithbot.verification.load.Journeys;
import org.faithbot.verification.load.LoadSettings;
import org.faithbot.verification.load.Telemetry;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.stopLoadGenerator;

/**
 * The load under the deployment drills: {@code load.users} members at once on the weighted mix of
 * journeys (closed model), held until the harness says the drills are over (it creates
 * {@code load.stop-file}) or {@code load.hold-seconds} have passed, whichever comes first. The
 * simulation has no assertions of its own: the drills judge its figures (a bad release is meant to
 * fail some requests).
 */
public class DrillLoadSimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystem();
    private final Journeys journeys = new Journeys(settings);
    private final Telemetry telemetry = new Telemetry();
    private final Path stopFile = Path.of(System.getProperty("load.stop-file", "deployment-drills.stop"));
    private final Instant deadline = Instant.now().plus(settings.ramp()).plus(settings.hold());

    private final ScenarioBuilder members = scenario("members using the chatbot during deployments")
            .exec(journeys.arrive())
            .exec(telemetry.userStarts())
            .exec(journeys.weightedMix())
            .exec(telemetry.userLeaves());

    private final ScenarioBuilder control = scenario("end of the drills")
            .exec(asLongAs(session -> !Files.exists(stopFile) && Instant.now().isBefore(deadline)).on(pause(Duration.ofMillis(200))))
            .exec(stopLoadGenerator("the deployment drills are over"));

    {
        setUp(members.injectClosed(
                        rampConcurrentUsers(0).to(settings.users()).during(settings.ramp()),
                        constantConcurrentUsers(settings.users()).during(settings.hold().plusSeconds(5))),
                control.injectOpen(atOnceUsers(1)))
                .protocols(journeys.protocol())
                .maxDuration(settings.ramp().plus(settings.hold()).plusSeconds(30));
    }

    @Override
    public void after() {
        Map<String, Object> content = new LinkedHashMap<>(telemetry.toMap());
        content.put("mix", Journeys.describeMix(settings.features()));
        Telemetry.write(settings.telemetryFile(), content);
    }
}
