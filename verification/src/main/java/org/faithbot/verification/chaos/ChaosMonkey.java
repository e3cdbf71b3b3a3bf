package org.faithbot.verification.chaos;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Chaos Monkey for Spring Boot on one service instance (profile {@code chaos-monkey}; its actuator
 * endpoints need the operator scope): assaults on the repository layer, switched on and off at runtime.
 */
public final class ChaosMonkey {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    /** Every assault off again: what the rollback posts before disabling the monkey. */
    static final String RESET = "{\"level\":1,\"latencyActive\":false,\"exceptionsActive\":false}";

    private final String instanceUrl;
    private final String operatorToken;

    public ChaosMonkey(String instanceUrl, String operatorToken) {
        this.instanceUrl = instanceUrl;
        this.operatorToken = operatorToken;
    }

    /** True when the instance runs Chaos Monkey and lets the operator reach it. */
    public boolean answers() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(instanceUrl + "/actuator/chaosmonkey"))
                    .header("Authorization", "Bearer " + operatorToken).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    public static String latencyAssault(int level, int fromMillis, int toMillis) {
        return String.format("{\"level\":%d,\"deterministic\":true,\"latencyActive\":true,\"latencyRangeStart\":%d,\"latencyRangeEnd\":%d,\"exceptionsActive\":false}",
                level, fromMillis, toMillis);
    }

    public static String exceptionAssault(int level, String exceptionType) {
        return String.format("{\"level\":%d,\"deterministic\":true,\"latencyActive\":false,\"exceptionsActive\":true,\"exception\":{\"type\":\"%s\",\"arguments\":[]}}",
                level, exceptionType);
    }

    /** Configures the assault and enables the monkey. */
    public void attack(String assault) {
        post("/actuator/chaosmonkey/assaults", assault);
        post("/actuator/chaosmonkey/enable", null);
    }

    /** Every assault off, the monkey disabled. */
    public void calmDown() {
        RuntimeException first = null;
        try {
            post("/actuator/chaosmonkey/assaults", RESET);
        } catch (RuntimeException e) {
            first = e;
        }
        post("/actuator/chaosmonkey/disable", null);
        if (first != null) {
            throw first;
        }
    }

    private void post(String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(instanceUrl + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + operatorToken)
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("POST " + instanceUrl + path + " answered " + response.statusCode() + ": " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("POST " + instanceUrl + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
