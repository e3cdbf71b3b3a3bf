package org.faithbot.verification.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A member the security specs give data of their own through the service's API, every text of it carrying the
 * member's marker: conversations (chat turns), a prayer and a crisis message (which raises an escalation for the
 * support team). What the service answered is kept: the ids of it all, and a cursor of the member's conversation
 * listing when there is a second page.
 */
public record SeededMember(TestUser user, String token, String marker, List<String> conversationIds, String prayerId,
                           String escalationId, String conversationsCursor) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Seeds a member: {@code conversations} chat turns (each its own conversation), a prayer of the visibility, a crisis message. */
    public static SeededMember seed(String baseUrl, TokenIssuer issuer, String name, int conversations, String prayerVisibility) {
        TestUser user = TestUser.fresh(name);
        String token = issuer.tokenFor(user);
        String marker = "marker-" + name.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> conversationIds = new ArrayList<>();
        for (int i = 0; i < conversations; i++) {
            JsonNode turn = call(baseUrl, token, "POST", "/api/v1/chat", "{\"message\": \"I am thankful today, " + marker + "\"}", 200);
            conversationIds.add(turn.path("conversationId").asText());
        }
        JsonNode prayer = call(baseUrl, token, "POST", "/api/v1/prayers",
                "{\"text\": \"Please pray for my family, " + marker + "\", \"visibility\": \"" + prayerVisibility + "\"}", 201);
        JsonNode crisis = call(baseUrl, token, "POST", "/api/v1/chat", "{\"message\": \"I want to end my life, " + marker + "\"}", 200);
        String escalationId = crisis.path("safety").path("escalationId").asText(null);
        if (escalationId == null) {
            throw new IllegalStateException("the crisis message raised no escalation: " + crisis);
        }
        String cursor = call(baseUrl, token, "GET", "/api/v1/conversations?limit=1", null, 200).path("nextCursor").asText(null);
        return new SeededMember(user, token, marker, List.copyOf(conversationIds), prayer.path("prayerId").asText(), escalationId, cursor);
    }

    /** The ids the service gave for the member's data, the user id and the marker: what only this member may see. */
    public Set<String> own() {
        Set<String> own = new LinkedHashSet<>(List.of(user.id(), marker, prayerId, escalationId));
        own.addAll(conversationIds);
        return own;
    }

    /** One call as the member; the answer's JSON, or a failure when the status is not the one expected. */
    public static JsonNode call(String baseUrl, String token, String method, String path, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString());
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + " (expected " + expected + "): "
                        + response.body());
            }
            return response.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
