package org.faithbot.chatbot.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health probes, info, prometheus and the operator's availability endpoint over real HTTP. */
class ActuatorTest extends ApiTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void healthAndItsProbesAreOpenAndUpWhenTheTablesExist() throws Exception {
        HttpResponse<String> health = get("/actuator/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
        assertThat(health.headers().firstValue("X-Served-By")).hasValue("test-instance");

        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");

        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"status\":\"UP\"").contains("dynamoDb").contains("readinessState");
    }

    @Test
    void operatorsSeeTheTablesOfTheDynamoDbHealth() throws Exception {
        HttpResponse<String> readiness = get("/actuator/health/readiness", TestTokens.operator(TestTokens.newUserId()));
        assertThat(readiness.body()).contains(org.faithbot.chatbot.support.Dynalite.TABLE_PREFIX + "messages")
            .contains("ACTIVE");
    }

    @Test
    void infoShowsTheBuildVersion() throws Exception {
        HttpResponse<String> info = get("/actuator/info", null);
        assertThat(info.statusCode()).isEqualTo(200);
        assertThat(info.body()).contains("\"build\"").contains("\"version\"");
    }

    @Test
    void prometheusExposesRequestHistograms() throws Exception {
        get("/actuator/health", null);
        HttpResponse<String> prometheus = get("/actuator/prometheus", null);
        assertThat(prometheus.statusCode()).isEqualTo(200);
        assertThat(prometheus.body()).contains("http_server_requests_seconds_bucket");
    }

    @Test
    void prometheusNamesNoExceptionClassAfterAMalformedRequest() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        assertThat(post("/api/v1/chat", token, "{\"message\": ").statusCode()).isEqualTo(400);
        for (String[] odd : new String[][]{{"PUT", "/api/v1/chat", "application/json"}, {"POST", "/api/v1/chat", "text/plain"},
                {"POST", "/api/v1/chat", "application/json;charset=nonsense"},
                {"DELETE", "/actuator/availability", "application/json"}, {"GET", "/api/v1/prayers?limit=abc", "application/json"}}) {
            HttpResponse<String> answer = this.http.send(HttpRequest.newBuilder(uri(odd[1])).header("Content-Type", odd[2])
                    .header("Authorization", TestTokens.bearer(token)).method(odd[0], HttpRequest.BodyPublishers.ofString("{\"message\":\"hi\"}"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as("%s %s as %s", odd[0], odd[1], odd[2]).isBetween(400, 499);
        }
        HttpResponse<String> prometheus = get("/actuator/prometheus", null);
        assertThat(prometheus.body()).contains("status=\"400\"").doesNotContain("Exception");
    }

    @Test
    void anOperatorCanTakeTheInstanceOutOfTheLoadBalancerAndBack() throws Exception {
        String operator = TestTokens.operator(TestTokens.newUserId());
        try {
            HttpResponse<String> refuse = post("/actuator/availability", operator, "{\"readiness\": \"REFUSING_TRAFFIC\"}");
            assertThat(refuse.statusCode()).isEqualTo(200);
            assertThat(refuse.body()).contains("REFUSING_TRAFFIC");
            assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(503);
            assertThat(get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
            assertThat(get("/actuator/availability", operator).body()).contains("REFUSING_TRAFFIC");
        }
        finally {
            HttpResponse<String> accept = post("/actuator/availability", operator, "{\"readiness\": \"ACCEPTING_TRAFFIC\"}");
            assertThat(accept.statusCode()).isEqualTo(200);
        }
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    @Test
    void theAvailabilityEndpointNeedsTheOperatorScope() throws Exception {
        HttpResponse<String> anonymous = post("/actuator/availability", null, "{\"readiness\": \"REFUSING_TRAFFIC\"}");
        HttpContractTest.assertProblem(anonymous, 401);
        HttpResponse<String> user = post("/actuator/availability", TestTokens.user(TestTokens.newUserId()),
                "{\"readiness\": \"REFUSING_TRAFFIC\"}");
        HttpContractTest.assertProblem(user, 403);
        assertThat(get("/actuator/health/readiness", null).statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return this.http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String token, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        return this.http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + this.port + path);
    }
}
