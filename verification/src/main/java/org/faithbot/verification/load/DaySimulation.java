package org.faithbot.verification.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * A production day, compressed ({@link ProductionDay}): {@code load.members} distinct members arrive along the daily
 * curve over {@code load.day-seconds}, each registering and taking one of the day's journeys ({@link DayJourneys});
 * meanwhile three prayer team members, a moderator and a support agent work their queues for the whole day. The
 * members' concurrency (peak of members in a visit at once) is measured as in the other loads ({@link Telemetry}).
 */
public class DaySimulation extends Simulation {

    private final LoadSettings settings = LoadSettings.fromSystem();
    private final ProductionDay day = new ProductionDay(settings.members(), settings.dayLength());
    private final DayJourneys journeys = new DayJourneys(settings, registration(settings));
    private final Journeys protocols = new Journeys(settings);
    private final Telemetry telemetry = new Telemetry();

    private final ScenarioBuilder members = scenario("members through the day")
            .exec(telemetry.userStarts())
            .exec(journeys.arrive())
            .exec(journeys.dayMix())
            .exec(journeys.leave())
            .exec(telemetry.userLeaves());

    private final ScenarioBuilder prayerTeam = scenario("the prayer team").exec(journeys.prayerTeamShift(settings.dayLength()));
    private final ScenarioBuilder moderators = scenario("the moderators").exec(journeys.moderatorShift(settings.dayLength()));
    private final ScenarioBuilder support = scenario("support").exec(journeys.supportShift(settings.dayLength()));

    {
        setUp(members.injectOpen(day.injection()),
                prayerTeam.injectOpen(atOnceUsers(3)),
                moderators.injectOpen(atOnceUsers(1)),
                support.injectOpen(atOnceUsers(1)))
                .protocols(protocols.protocol())
                .maxDuration(settings.dayLength().plusSeconds(90))
                .assertions(
                        global().failedRequests().percent().lt(settings.sloErrorPercent()),
                        global().responseTime().percentile(95.0).lt((int) settings.sloP95Millis()),
                        details(Journeys.CHAT_MESSAGE).responseTime().percentile(95.0).lt((int) settings.sloP95Millis()));
    }

    @Override
    public void after() {
        Map<String, Object> content = new LinkedHashMap<>(telemetry.toMap());
        content.putAll(journeys.toMap());
        content.put("day", day.describe());
        Telemetry.write(settings.telemetryFile(), content);
    }

    /**
     * The body of a registration that consents to what registration requires (and to analytics, as most members do)
     * at the current versions of the documents, which the service lists with the purposes.
     */
    static String registration(LoadSettings settings) {
        TokenIssuer tokens = new TokenIssuer(Base64.getDecoder().decode(settings.jwtSecretBase64()), settings.jwtIssuer());
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.baseUrl() + "/api/v1/me/consents"))
                .header("Authorization", "Bearer " + tokens.tokenFor(TestUser.fresh("Registrar")))
                .timeout(Duration.ofSeconds(20)).GET().build();
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /api/v1/me/consents answered " + response.statusCode() + ": " + response.body());
            }
            List<Map<String, Object>> consents = new ArrayList<>();
            for (JsonNode purpose : Telemetry.JSON.readTree(response.body()).path("purposes")) {
                consents.add(Map.of("purpose", purpose.path("purpose").asText(), "version", purpose.path("currentVersion").asText(),
                        "granted", true));
            }
            if (consents.isEmpty()) {
                throw new IllegalStateException("the service lists no consent purposes: " + response.body());
            }
            return Telemetry.JSON.writeValueAsString(Map.of("consents", consents));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the consent purposes from " + settings.baseUrl(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the consent purposes", e);
        }
    }
}
