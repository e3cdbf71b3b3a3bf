package org.faithbot.verification.http;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The service's HTTP API as the harness's probes, drills, warm-ups and metrics readers call it:
 * plain java.net.http on one shared client (its HTTP version the JDK's default, as every one of
 * these callers had; the service answers HTTP/1.1), each call with its own timeout. Thread-safe.
 * The specs' own requests go through {@link ServiceApi} (REST-assured, attached to the report).
 */
public final class ServiceClient {

    public static final String READINESS = "/actuator/health/readiness";
    public static final String LIVENESS = "/actuator/health/liveness";
    public static final String CHAT = "/api/v1/chat";
    public static final String EXPORT = "/api/v1/me/export";
    public static final String ERASE = "/api/v1/me";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

    private ServiceClient() {
    }

    /**
     * One answer: its status (-1 when nothing answered, with {@code failure} the cause's message), body and headers.
     */
    public record Reply(int status, String body, HttpHeaders headers, String failure) {

        static Reply none(String failure) {
            return new Reply(-1, "", HttpHeaders.of(Map.of(), (name, value) -> true), failure);
        }

        public boolean answered() {
            return status >= 0;
        }

        public Optional<String> header(String name) {
            return headers.firstValue(name);
        }
    }

    /**
     * One request: {@code token} (or null) as bearer, {@code jsonBody} (or null) as the JSON body,
     * {@code accept} (or null) as the Accept header.
     */
    public static Reply send(String method, String url, String token, String jsonBody, String accept, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers(), null);
        } catch (IOException e) {
            return Reply.none(String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Reply.none("interrupted");
        }
    }

    /** The HTTP status of a GET of the URL, or -1 when nothing answers within the timeout. */
    public static int status(String url, Duration timeout) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The HTTP status of the URL (a readiness probe), within 2 s, or -1 when nothing answers. */
    public static int status(String url) {
        return status(url, PROBE_TIMEOUT);
    }

    /** The status of the instance's readiness probe within 2 s, or -1 when it does not answer. */
    public static int readiness(String instanceUrl) {
        return readiness(instanceUrl, PROBE_TIMEOUT);
    }

    public static int readiness(String instanceUrl, Duration timeout) {
        return status(instanceUrl + READINESS, timeout);
    }

    /** The status of the instance's liveness probe within 2 s, or -1 when it does not answer. */
    public static int liveness(String instanceUrl) {
        return status(instanceUrl + LIVENESS, PROBE_TIMEOUT);
    }

    /**
     * The operator's availability switch of one instance ({@code ACCEPTING_TRAFFIC} or {@code REFUSING_TRAFFIC}): its
     * readiness probe answers accordingly, so the balancer's health checks take it out of rotation or back in.
     */
    public static Reply availability(String instanceUrl, String operatorToken, String readinessState) {
        return send("POST", instanceUrl + "/actuator/availability", operatorToken, "{\"readiness\":\"" + readinessState + "\"}", null,
                Duration.ofSeconds(10));
    }

    /** A GET of the instance's Prometheus text ({@code query}: e.g. {@code ?includedNames=...}, or ""). */
    public static Reply prometheus(String instanceUrl, String query, Duration timeout) {
        return send("GET", instanceUrl + "/actuator/prometheus" + query, null, null, null, timeout);
    }

    /** The instance's /actuator/info as JSON, empty when it does not answer 200 with JSON. */
    public static Optional<JsonNode> info(String instanceUrl, Duration timeout) {
        Reply reply = send("GET", instanceUrl + "/actuator/info", null, null, null, timeout);
        return reply.status() == 200 ? json(reply.body()) : Optional.empty();
    }

    /** A chat turn's answer: the reply, or nothing when the service did not acknowledge (any status but 200, or no answer). */
    public record ChatAnswer(int status, JsonNode body) {

        public boolean acknowledged() {
            return status == 200 && body != null;
        }
    }

    public static ChatAnswer chat(String baseUrl, String token, String message, String conversationId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        String json;
        try {
            json = JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        Reply reply = send("POST", baseUrl + CHAT, token, json, null, TIMEOUT);
        if (reply.status() != 200) {
            return new ChatAnswer(reply.status(), null);
        }
        return json(reply.body()).map(answer -> new ChatAnswer(200, answer)).orElseGet(() -> new ChatAnswer(-1, null));
    }

    /** GET /api/v1/me/export as plain values, or empty when the service does not answer 200. */
    public static Optional<StoredUserData> export(String baseUrl, String token) {
        Reply reply = send("GET", baseUrl + EXPORT, token, null, null, TIMEOUT);
        if (reply.status() != 200) {
            return Optional.empty();
        }
        try {
            Map<String, Object> export = JSON.readValue(reply.body(), new TypeReference<>() {
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> profile = (Map<String, Object>) export.get("profile");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> messages = (List<Map<String, Object>>) export.getOrDefault("messages", List.of());
            return Optional.of(new StoredUserData(profile, messages));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The text at the JSON pointer, or null when it is missing or null. */
    public static String text(JsonNode node, String path) {
        JsonNode at = node.at(path);
        return at.isMissingNode() || at.isNull() ? null : at.asText();
    }

    private static Optional<JsonNode> json(String body) {
        try {
            return Optional.of(JSON.readTree(body));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
