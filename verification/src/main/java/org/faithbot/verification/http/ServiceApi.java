package org.faithbot.verification.http;

import io.qameta.allure.Allure;
import io.qameta.allure.restassured.AllureRestAssured;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** The service's public API as the specs call it: REST-assured, with each exchange attached to the Allure report. */
public final class ServiceApi {

    private static final RestAssuredConfig CONFIG = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5000)
            .setParam("http.socket.timeout", 30000));

    /**
     * One request as the service answered it: its request id and the instance that served it, from the response headers,
     * and when it was sent and answered.
     */
    public record Exchange(String method, String path, int status, String requestId, String servedBy, Instant sentAt, Instant answeredAt) {
    }

    private final String baseUrl;
    private final boolean attachExchanges;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    public ServiceApi(String baseUrl, boolean attachExchanges) {
        this.baseUrl = baseUrl;
        this.attachExchanges = attachExchanges;
    }

    public RequestSpecification request(String token) {
        RequestSpecification spec = RestAssured.given().config(CONFIG).baseUri(baseUrl).filter((request, response, context) -> {
            Instant sent = Instant.now();
            Response answer = context.next(request, response);
            exchanges.add(new Exchange(request.getMethod(), request.getDerivedPath(), answer.statusCode(),
                    answer.header("X-Request-Id"), answer.header("X-Served-By"), sent, Instant.now()));
            return answer;
        });
        if (attachExchanges && Allure.getLifecycle().getCurrentTestCase().isPresent()) {
            spec = spec.filter(new AllureRestAssured());
        }
        return token == null ? spec : spec.auth().oauth2(token);
    }

    /** Every request made through this API so far, in order. */
    public List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public Response chat(String token, String message, String conversationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        return request(token).contentType(ContentType.JSON).body(body).post("/api/v1/chat");
    }

    /** A chat message sent with the browser's Global Privacy Control signal ({@code Sec-GPC: 1}). */
    public Response chatWithGlobalPrivacyControl(String token, String message, String conversationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        return request(token).header("Sec-GPC", "1").contentType(ContentType.JSON).body(body).post("/api/v1/chat");
    }

    /** The caller's consents, their history, and the purposes with the document version a consent must name. */
    public Response consents(String token) {
        return request(token).get("/api/v1/me/consents");
    }

    /** Registers the caller's account with these consent decisions ({@code purpose}, {@code version}, {@code granted}). */
    public Response register(String token, List<Map<String, Object>> consents) {
        return request(token).contentType(ContentType.JSON).body(Map.of("consents", consents)).post("/api/v1/accounts");
    }

    public Response changeConsents(String token, List<Map<String, Object>> consents) {
        return request(token).contentType(ContentType.JSON).body(Map.of("consents", consents)).put("/api/v1/me/consents");
    }

    /** Opts the caller out of (or back into) the sale or sharing of their personal information (CCPA). */
    public Response saleSharingOptOut(String token, boolean optOut) {
        return request(token).contentType(ContentType.JSON).body(Map.of("optOut", optOut)).put("/api/v1/me/privacy/sale-sharing-opt-out");
    }

    /** The caller's privacy audit entries, newest first. */
    public Response privacyAudit(String token) {
        return request(token).get("/api/v1/me/privacy/audit");
    }

    public Response export(String token) {
        return request(token).get("/api/v1/me/export");
    }

    public Response erase(String token) {
        return request(token).delete("/api/v1/me");
    }
}
