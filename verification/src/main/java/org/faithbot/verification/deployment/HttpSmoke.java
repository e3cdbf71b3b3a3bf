package org.faithbot.verification.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.http.ServiceClient;
import org.faithbot.verification.http.WarmUp;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The smoke journeys over plain HTTP: chat, export, erase, each answer checked, with the release that answered. */
public final class HttpSmoke implements SmokeCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
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
        return ServiceClient.info(instanceUrl, TIMEOUT).map(info -> info.at("/release/label"))
                .filter(label -> !label.isMissingNode() && !label.isNull()).map(JsonNode::asText);
    }

    @Override
    public void warmUp(String instanceUrl, int requests) {
        WarmUp.unjudged(WarmUp.Turn.OFF_CHAT, TIMEOUT).run(WarmUp.Instance.at(instanceUrl), tokens.tokenFor(TestUser.fresh("Warmup")), requests);
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
        ServiceClient.Reply reply = ServiceClient.send(method, baseUrl + path, token, body, null, TIMEOUT);
        if (!reply.answered()) {
            return new Answer(request, -1, reply.failure().equals("interrupted") ? "interrupted" : "no answer: " + reply.failure(), null, null);
        }
        return new Answer(request, reply.status(), reply.body(), reply.header("X-App-Version").orElse(null), reply.header("X-Served-By").orElse(null));
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() > 160 ? flat.substring(0, 160) + "..." : flat;
    }
}
