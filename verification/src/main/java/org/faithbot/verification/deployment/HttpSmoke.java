package org.faithbot.verification.deployment;

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
import java.util.List;
import java.util.Optional;

/** The smoke journeys over plain HTTP: chat, export, erase, each answer checked, with the release that answered. */
public final class HttpSmoke implements SmokeCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final TokenIssuer tokens;

    public HttpSmoke(TokenIssuer tokens) {
        this.tokens = tokens;
    }

    @Override
    public Result journeys(String baseUrl, Release expected, int journeys) {
        List<String> failures = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        List<String> servedBy = new ArrayList<>();
        int requests = 0;
        for (int i = 0; i < journeys; i++) {
            String token = tokens.tokenFor(TestUser.fresh("Smoke"));
            String message = "Smoke check " + i + ": I need hope for today";
            List<Answer> answers = new ArrayList<>();
            Answer chat = send(baseUrl, token, "POST", "/api/v1/chat", "{\"message\":\"" + message + "\"}");
            answers.add(chat);
            if (chat.status() == 200 && chat.json().at("/reply/scripture/reference").asText("").isEmpty()) {
                failures.add("POST /api/v1/chat answered without a scripture reference: " + chat.body());
            }
            Answer export = send(baseUrl, token, "GET", "/api/v1/me/export", null);
            answers.add(export);
            if (export.status() == 200 && !export.body().contains(message)) {
                failures.add("GET /api/v1/me/export does not hold the message just sent");
            }
            answers.add(send(baseUrl, token, "DELETE", "/api/v1/me", null));
            for (Answer answer : answers) {
                requests++;
                versions.add(String.valueOf(answer.version()));
                servedBy.add(String.valueOf(answer.servedBy()));
                if (answer.status() != 200) {
                    failures.add(answer.request() + " answered " + answer.status() + (answer.body().isEmpty() ? "" : ": " + abbreviate(answer.body())));
                } else if (expected != null && !expected.servedIn(answer.version())) {
                    failures.add(answer.request() + " was answered by version " + answer.version() + ", not release " + expected.label());
                }
            }
        }
        return new Result(requests, failures.size(), failures, versions, servedBy);
    }

    @Override
    public Optional<String> releaseLabel(String instanceUrl) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(instanceUrl + "/actuator/info")).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode label = JSON.readTree(response.body()).at("/release/label");
            return label.isMissingNode() || label.isNull() ? Optional.empty() : Optional.of(label.asText());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    @Override
    public void warmUp(String instanceUrl, int requests) {
        String token = tokens.tokenFor(TestUser.fresh("Warmup"));
        for (int i = 0; i < requests; i++) {
            send(instanceUrl, token, "GET", "/api/v1/me/export", null);
            send(instanceUrl, token, "GET", "/actuator/info", null);
        }
        send(instanceUrl, token, "DELETE", "/api/v1/me", null);
    }

    private record Answer(String request, int status, String body, String version, String servedBy) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return JSON.missingNode();
            }
        }
    }

    /**
     * One request; a 503 (the service's "temporarily unavailable, retry shortly": a dependency under
     * strain, not the release) is retried once, as any client of the API is told to. A release's own
     * fault answers 500 and is never retried.
     */
    private static Answer send(String baseUrl, String token, String method, String path, String body) {
        Answer answer = sendOnce(baseUrl, token, method, path, body);
        if (answer.status() == 503) {
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return answer;
            }
            answer = sendOnce(baseUrl, token, method, path, body);
        }
        return answer;
    }

    private static Answer sendOnce(String baseUrl, String token, String method, String path, String body) {
        String request = method + " " + path;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(TIMEOUT)
                    .header("Authorization", "Bearer " + token)
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (body != null) {
                builder.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = HTTP.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(request, response.statusCode(), response.body(), response.headers().firstValue("X-App-Version").orElse(null),
                    response.headers().firstValue("X-Served-By").orElse(null));
        } catch (IOException e) {
            return new Answer(request, -1, "no answer: " + e.getMessage(), null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(request, -1, "interrupted", null, null);
        }
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
