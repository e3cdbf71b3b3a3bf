package org.faithbot.verification.recovery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The few calls of the service's API a drill makes: chat, export, readiness. Plain java.net.http, thread-safe. */
public final class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ServiceClient() {
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
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/chat")).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new ChatAnswer(response.statusCode(), response.statusCode() == 200 ? JSON.readTree(response.body()) : null);
        } catch (IOException e) {
            return new ChatAnswer(-1, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ChatAnswer(-1, null);
        }
    }

    /** GET /api/v1/me/export as plain values, or empty when the service does not answer 200. */
    public static Optional<StoredUserData> export(String baseUrl, String token) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/me/export")).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token).GET().build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            Map<String, Object> export = JSON.readValue(response.body(), new TypeReference<>() {
            });
            @SuppressWarnings("unchecked")
            Map<String, Object> profile = (Map<String, Object>) export.get("profile");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> messages = (List<Map<String, Object>>) export.getOrDefault("messages", List.of());
            return Optional.of(new StoredUserData(profile, messages));
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** The HTTP status of the URL (a readiness probe), or -1 when nothing answers. */
    public static int status(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String text(JsonNode node, String path) {
        JsonNode at = node.at(path);
        return at.isMissingNode() || at.isNull() ? null : at.asText();
    }
}
