package org.faithbot.verification.load;

import java.time.Duration;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

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
 *
 * <p>With {@code load.endpoint=ceiling}, the same clients call the service's liveness probe instead (Tomcat, the
 * security filters and the actuator through the balancer; no table, no reply): the ceiling of this stack on this
 * machine, which the chat's figure is read against.
 */
public class ChatBenchmarkSimulation extends Simulation {

    static final String WARM_UP_REQUEST = Journeys.CHAT_MESSAGE + " (warm-up)";

    /** The ceiling's request: the service's liveness probe, which reads no table and writes no reply. */
    public static final String CEILING_REQUEST = "liveness (ceiling)";

    private final LoadSettings settings = LoadSettings.fromSystem();
    private final Journeys journeys = new Journeys(settings);
    private final Duration warmUp = Duration.ofSeconds(Long.getLong("load.warm-up-seconds", 0));
    /** {@code chat} (the benchmark) or {@code ceiling} (the same clients on the liveness probe: this stack's ceiling). */
    private final boolean ceiling = "ceiling".equals(System.getProperty("load.endpoint", "chat"));
    private final String judgedRequest = ceiling ? CEILING_REQUEST : Journeys.CHAT_MESSAGE;

    {
        PopulationBuilder judged = clients(ceiling ? "clients calling the liveness probe back to back" : "chat clients sending back to back",
                judgedRequest, settings.hold());
        PopulationBuilder load = warmUp.isPositive()
                ? clients("warm-up: the same clients", judgedRequest + " (warm-up)", warmUp).andThen(judged)
                : judged;
        setUp(load)
                .protocols(journeys.protocol())
                .maxDuration(warmUp.plus(settings.hold()).plusSeconds(30))
                .assertions(
                        details(judgedRequest).failedRequests().count().is(0L),
                        details(judgedRequest).responseTime().percentile(95.0).lt(300));
    }

    private PopulationBuilder clients(String name, String requestName, Duration during) {
        ChainBuilder request = ceiling
                ? exec(http(requestName).get("/actuator/health/liveness").check(status().is(200)))
                : journeys.sendChatMessage(requestName);
        ScenarioBuilder clients = scenario(name)
                .exec(journeys.arrive())
                .during(during).on(request);
        return clients.injectClosed(constantConcurrentUsers(settings.users()).during(during));
    }
}
