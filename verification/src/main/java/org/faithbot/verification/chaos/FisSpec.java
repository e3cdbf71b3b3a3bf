package org.faithbot.verification.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS FIS part of an experiment file, as terraform/modules/fis reads it: actions, targets (by
 * tag), stop conditions on monitoring alarm keys, and the longest the experiment may run.
 *
 * @param raw the {@code fis} object itself (actions and targets are passed to FIS as they are)
 */
public record FisSpec(JsonNode raw, List<String> stopConditionAlarms, Duration maxDuration) {

    static FisSpec from(JsonNode node, String experiment) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        if (!node.path("actions").isObject() || node.path("actions").isEmpty()) {
            throw new IllegalArgumentException(experiment + ": fis.actions must not be empty");
        }
        if (!node.path("targets").isObject() || node.path("targets").isEmpty()) {
            throw new IllegalArgumentException(experiment + ": fis.targets must not be empty");
        }
        List<String> alarms = new ArrayList<>();
        for (JsonNode condition : node.path("stopConditions")) {
            String source = condition.path("source").asText("aws:cloudwatch:alarm");
            if (!source.equals("aws:cloudwatch:alarm")) {
                throw new IllegalArgumentException(experiment + ": stop conditions must be CloudWatch alarms, not " + source);
            }
            alarms.add(Experiment.text(condition, "alarm", experiment));
        }
        int minutes = node.path("durationMinutes").asInt(0);
        if (minutes <= 0) {
            throw new IllegalArgumentException(experiment + ": fis.durationMinutes must be set");
        }
        return new FisSpec(node, List.copyOf(alarms), Duration.ofMinutes(minutes));
    }

    public JsonNode actions() {
        return raw.path("actions");
    }

    public JsonNode targets() {
        return raw.path("targets");
    }
}
