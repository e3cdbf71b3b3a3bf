package org.faithbot.verification.steps;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.response.Response;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.http.ParallelRequests;
import org.faithbot.verification.http.PrometheusText;
import org.faithbot.verification.http.ServiceClient;
import org.faithbot.verification.local.BackendServer;
import org.faithbot.verification.local.Haproxy;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ServiceInstance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps on the balancer's health checks: an instance failing readiness gets no traffic. */
public class HealthRoutingSteps {

    private static final int SENDERS = 8;

    private final ScenarioContext context;
    private final List<Response> responses = new ArrayList<>();
    private final List<String> madeUnready = new ArrayList<>();
    private long balancerCountBefore;
    private double ownCountBefore;
    private String watched;

    public HealthRoutingSteps(ScenarioContext context) {
        this.context = context;
    }

    private LocalTarget local() {
        return context.run().local();
    }

    @Given("the balancer sees every instance healthy")
    public void balancerSeesEveryInstanceHealthy() {
        for (ServiceInstance instance : local().instances()) {
            local().balancer().awaitServer(instance.name(), BackendServer::isUp, Duration.ofSeconds(30));
        }
    }

    @When("instance {string} starts failing its readiness check")
    public void instanceStartsFailingReadiness(String name) {
        setReadiness(name, "REFUSING_TRAFFIC");
        madeUnready.add(name);
        assertThat(local().instance(name).readinessStatus()).as("readiness probe of %s", name).isEqualTo(503);
    }

    @When("instance {string} passes its readiness check again")
    public void instancePassesReadinessAgain(String name) {
        setReadiness(name, "ACCEPTING_TRAFFIC");
        madeUnready.remove(name);
        assertThat(local().instance(name).readinessStatus()).as("readiness probe of %s", name).isEqualTo(200);
    }

    private void setReadiness(String name, String state) {
        ServiceClient.Reply reply = ServiceClient.availability(local().instance(name).url(), context.target().tokens().operatorToken(), state);
        assertThat(reply.status()).as("operator readiness switch on %s: %s", name, reply.answered() ? reply.body() : reply.failure())
                .isBetween(200, 204);
    }

    @Then("the balancer takes {string} out of rotation within {int} seconds")
    public void balancerTakesOutOfRotation(String name, int seconds) {
        measureBalancerReaction(name, BackendServer::isDown, seconds, "time until an unready instance is out of rotation");
    }

    @Then("the balancer puts {string} back into rotation within {int} seconds")
    public void balancerPutsBackIntoRotation(String name, int seconds) {
        measureBalancerReaction(name, BackendServer::isUp, seconds, "time until a recovered instance is back in rotation");
    }

    private void measureBalancerReaction(String name, Predicate<BackendServer> state, int seconds, String metric) {
        Duration took = local().balancer().awaitServer(name, state, Duration.ofSeconds(seconds * 3L));
        context.evidence().require("health-routing", Figure.of(metric, took.toMillis(), "ms").atMost(seconds * 1000.0)
                .when("HAProxy checks readiness every " + Haproxy.CHECK_INTERVAL_MS + " ms, fall 2 / rise 2"));
    }

    @When("{int} chat requests are sent through the balancer")
    public void chatRequestsThroughBalancer(int count) {
        watched = madeUnready.isEmpty() ? null : madeUnready.getFirst();
        if (watched != null) {
            balancerCountBefore = local().balancer().server(watched).totalSessions();
            ownCountBefore = chatRequestsCountedBy(local().instance(watched));
        }
        context.user(TestUser.fresh("Ruth"));
        String token = context.token();
        responses.addAll(ParallelRequests.send(count, SENDERS,
                i -> context.quietApi().chat(token, "Give me strength for today, please (" + i + ")", null)));
    }

    @Then("every request is answered successfully")
    public void everyRequestAnsweredSuccessfully() {
        long failed = responses.stream().filter(r -> r.statusCode() != 200).count();
        context.evidence().require("health-routing", Figure.of("failed requests while an instance is unhealthy", failed, "requests")
                .equalTo(0).when(responses.size() + " chat requests, " + SENDERS + " concurrent senders"));
    }

    @Then("every request was served by {string}")
    public void everyRequestServedBy(String name) {
        assertThat(responses).extracting(r -> r.header("X-Served-By")).containsOnly(name);
    }

    @Then("{string} received none of them, by the balancer's count and by its own")
    public void receivedNone(String name) {
        assertThat(name).isEqualTo(watched);
        long byBalancer = local().balancer().server(name).totalSessions() - balancerCountBefore;
        double byItself = chatRequestsCountedBy(local().instance(name)) - ownCountBefore;
        context.evidence().record("health-routing", Figure.of("requests the balancer sent to the unhealthy instance", byBalancer, "requests")
                .equalTo(0).when("HAProxy stot counter of " + name));
        List<Evidence> own = context.evidence().record("health-routing", Figure.of("chat requests the unhealthy instance handled", byItself,
                "requests").equalTo(0).when("http_server_requests of " + name + " (its own metrics)"));
        assertThat(byBalancer).as("sessions the balancer sent to %s", name).isZero();
        EvidenceRecorder.requireMet(own);
    }

    private static double chatRequestsCountedBy(ServiceInstance instance) {
        ServiceClient.Reply metrics = ServiceClient.prometheus(instance.url(), "", Duration.ofSeconds(5));
        assertThat(metrics.status()).as("/actuator/prometheus of %s", instance.name()).isEqualTo(200);
        return PrometheusText.sum(metrics.body(), "http_server_requests_seconds_count", Map.of("uri", "/api/v1/chat"));
    }

    /** Whatever happened in the scenario, an instance it made unready is made ready again for the next one. */
    @After
    public void restoreReadiness() {
        for (String name : List.copyOf(madeUnready)) {
            setReadiness(name, "ACCEPTING_TRAFFIC");
            local().balancer().awaitServer(name, BackendServer::isUp, Duration.ofSeconds(15));
        }
        madeUnready.clear();
    }

}
