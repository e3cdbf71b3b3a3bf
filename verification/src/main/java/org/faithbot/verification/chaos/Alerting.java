package org.faithbot.verification.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * What the monitoring must do when an experiment's fault strikes: the alerts that must page (by alert name, the
 * alerting rules of the local target and the CloudWatch alarms they stand for), or none, when the service absorbs the
 * fault without a member noticing; and how soon the page must come.
 *
 * @param expected     alert names that must page after the fault's start; empty: no alert may page
 * @param tolerated    alert names that may page or not without breaking the experiment (a race the fault cannot settle,
 *                     said in {@code why}); reported when they page, and they must resolve like any other
 * @param why          why these alerts (or none), in one line
 * @param detectWithin the longest the first expected page may take after the fault's start
 */
public record Alerting(List<String> expected, List<String> tolerated, String why, Duration detectWithin) {

    /** The local goal to detect a fault (SC-OPS-1 allows 15 minutes to respond; a page within a minute leaves the rest to the on-call). */
    public static final Duration LOCAL_GOAL = Duration.ofSeconds(60);

    public Alerting {
        expected = List.copyOf(expected);
        tolerated = List.copyOf(tolerated);
    }

    public Alerting(List<String> expected, String why, Duration detectWithin) {
        this(expected, List.of(), why, detectWithin);
    }

    /** Whether {@code alert} may page or not without breaking the experiment. */
    public boolean tolerates(String alert) {
        return tolerated.contains(alert);
    }

    public boolean silent() {
        return expected.isEmpty();
    }

    /** From an experiment's {@code alerting} object ({@code expected}, {@code why}, optional {@code detectWithinSeconds}); null when absent. */
    static Alerting from(JsonNode node, String experiment) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.path("expected").isArray()) {
            throw new IllegalArgumentException(experiment + ": alerting.expected must be a list of alert names (empty: no alert may page)");
        }
        List<String> names = names(node.path("expected"), experiment + ": alerting.expected");
        JsonNode tolerated = node.path("tolerated");
        if (!tolerated.isMissingNode() && !tolerated.isArray()) {
            throw new IllegalArgumentException(experiment + ": alerting.tolerated must be a list of alert names");
        }
        JsonNode within = node.path("detectWithinSeconds");
        if (!within.isMissingNode() && (!within.isNumber() || within.asDouble() <= 0)) {
            throw new IllegalArgumentException(experiment + ": alerting.detectWithinSeconds must be a positive number");
        }
        return new Alerting(names, names(tolerated, experiment + ": alerting.tolerated"), Experiment.text(node, "why", experiment + ": alerting"),
                within.isMissingNode() ? LOCAL_GOAL : Duration.ofMillis(Math.round(within.asDouble() * 1000)));
    }

    private static List<String> names(JsonNode list, String context) {
        List<String> names = new ArrayList<>();
        list.forEach(n -> {
            if (!n.isTextual() || n.asText().isBlank()) {
                throw new IllegalArgumentException(context + " holds a blank or non-text alert name");
            }
            names.add(n.asText());
        });
        return names;
    }

    /** A copy with another bound for the first page (a self-test). */
    public Alerting within(Duration bound) {
        return new Alerting(expected, tolerated, why, bound);
    }
}
