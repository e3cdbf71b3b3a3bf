package org.faithbot.verification.deployment;

import java.time.Instant;
import java.util.Map;

/**
 * What a gate decided, when, and on which figures.
 *
 * @param gate    readiness, smoke, canary 10 %, rolling s1, post-switch, ...
 * @param figures the measured values the decision rests on (error percent, p95, requests ...)
 */
public record GateVerdict(String gate, Outcome outcome, String reason, Instant at, Map<String, Double> figures) {

    public enum Outcome { PASSED, FAILED, PENDING }

    public GateVerdict {
        figures = Map.copyOf(figures);
    }

    public static GateVerdict passed(String gate, String reason, Map<String, Double> figures) {
        return new GateVerdict(gate, Outcome.PASSED, reason, Instant.now(), figures);
    }

    public static GateVerdict failed(String gate, String reason, Map<String, Double> figures) {
        return new GateVerdict(gate, Outcome.FAILED, reason, Instant.now(), figures);
    }

    public static GateVerdict pending(String gate, String reason, Map<String, Double> figures) {
        return new GateVerdict(gate, Outcome.PENDING, reason, Instant.now(), figures);
    }

    public boolean failed() {
        return outcome == Outcome.FAILED;
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    public String describe() {
        return gate + ": " + outcome.name().toLowerCase(java.util.Locale.ROOT) + " - " + reason;
    }
}
