package org.faithbot.verification.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * OWASP A04 (insecure design): a client that retries a chat message many times at once under one
 * {@code Idempotency-Key}, as a flaky network or a double tap makes it; and the same key with another message.
 * What the member's data holds afterwards is read back through the API.
 */
public final class IdempotentRetries {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: its status and the conversation and reply it names. */
    public record Answer(int status, String conversationId, String reply) {
    }

    private IdempotentRetries() {
    }

    /** Sends {@code copies} identical chat requests at once under {@code key}; their answers, in the order sent. */
    public static List<Answer> sendAtOnce(String baseUrl, String token, String key, String message, int copies) {
        List<CompletableFuture<HttpResponse<String>>> pending = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            pending.add(HTTP.sendAsync(chat(baseUrl, token, key, message), HttpResponse.BodyHandlers.ofString()));
        }
        return pending.stream().map(CompletableFuture::join).map(IdempotentRetries::answer).toList();
    }

    /** One chat request under {@code key}. */
    public static Answer send(String baseUrl, String token, String key, String message) {
        try {
            return answer(HTTP.send(chat(baseUrl, token, key, message), HttpResponse.BodyHandlers.ofString()));
        } catch (IOException e) {
            return new Answer(-1, null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many messages of the member's conversations hold {@code text}, over every conversation it lists. */
    public static int messagesHolding(String baseUrl, String token, String text) {
        int count = 0;
        JsonNode conversations = get(baseUrl, token, "/api/v1/conversations?limit=100");
        for (JsonNode conversation : conversations.path("items")) {
            JsonNode messages = get(baseUrl, token, "/api/v1/conversations/" + conversation.path("conversationId").asText() + "/messages?limit=100");
            for (JsonNode message : messages.path("items")) {
                if (message.toString().contains(text)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static HttpRequest chat(String baseUrl, String token, String key, String message) {
        String body = JSON.createObjectNode().put("message", message).toString();
        return HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/chat")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static Answer answer(HttpResponse<String> response) {
        try {
            JsonNode body = JSON.readTree(response.body());
            return new Answer(response.statusCode(), body.path("conversationId").asText(null), body.path("reply").toString());
        } catch (IOException e) {
            return new Answer(response.statusCode(), null, response.body());
        }
    }

    private static JsonNode get(String baseUrl, String token, String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(15))
                    .header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
