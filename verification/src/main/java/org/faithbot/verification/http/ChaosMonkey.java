package org.faithbot.verification.http;

import java.time.Duration;

/**
 * Chaos Monkey for Spring Boot on one service instance (profile {@code chaos-monkey}; its actuator
 * endpoints need the operator scope): assaults on the repository layer, switched on and off at runtime.
 */
public final class ChaosMonkey {

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
        return ServiceClient.send("GET", instanceUrl + "/actuator/chaosmonkey", operatorToken, null, null, Duration.ofSeconds(5)).status() == 200;
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
        ServiceClient.Reply reply = ServiceClient.send("POST", instanceUrl + path, operatorToken, body, null, Duration.ofSeconds(10));
        if (!reply.answered()) {
            throw new IllegalStateException("POST " + instanceUrl + path + " failed: " + reply.failure());
        }
        if (reply.status() >= 300) {
            throw new IllegalStateException("POST " + instanceUrl + path + " answered " + reply.status() + ": " + reply.body());
        }
    }
}
