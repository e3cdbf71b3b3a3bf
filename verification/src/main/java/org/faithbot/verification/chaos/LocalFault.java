package org.faithbot.verification.chaos;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The local equivalent of an experiment's fault: what the local driver does to the local target.
 *
 * @param type       the kind of fault
 * @param target     an instance name (s1, s2), {@code database}, or a group of instances
 *                   ({@code chaos-monkey-instances}, {@code model-instances})
 * @param duration   how long the fault is held before it is rolled back
 * @param parameters the fault's parameters (see each type)
 * @param needs      what the target instances must run for this fault: {@code chaos-monkey} (the
 *                   service's chaos-monkey profile) or {@code model-stub} (the Bedrock generator on the
 *                   harness's stub of the model)
 * @param rationale  how the local fault stands for the real one, in words
 */
public record LocalFault(Type type, String target, Duration duration, JsonNode parameters, List<String> needs, String rationale) {

    public enum Type {
        INSTANCE_KILL, INSTANCE_FREEZE, BACKEND_DRAIN, CPU_STRESS, MEMORY_STRESS, DATABASE_FREEZE, DATABASE_LATENCY,
        DATABASE_ERRORS, MODEL_SLOW, MODEL_DOWN;

        static Type parse(String name, String experiment) {
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(experiment + ": unknown local fault '" + name + "'", e);
            }
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    static LocalFault from(JsonNode node, String experiment) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return null;
        }
        double seconds = node.path("durationSeconds").asDouble(0);
        if (seconds <= 0 || seconds > 60) {
            throw new IllegalArgumentException(experiment + ": local.durationSeconds must be between 0 and 60 (a local fault is short and bounded)");
        }
        List<String> needs = new ArrayList<>();
        node.path("needs").forEach(n -> needs.add(n.asText()));
        return new LocalFault(Type.parse(Experiment.text(node, "fault", experiment), experiment),
                Experiment.text(node, "target", experiment),
                Duration.ofMillis(Math.round(seconds * 1000)),
                node.path("parameters"),
                List.copyOf(needs),
                node.path("rationale").asText(""));
    }

    public int intParameter(String name, int fallback) {
        return parameters.path(name).asInt(fallback);
    }

    public String textParameter(String name, String fallback) {
        JsonNode value = parameters.path(name);
        return value.isMissingNode() || value.isNull() ? fallback : value.asText();
    }

    public LocalFault withDuration(Duration newDuration) {
        return new LocalFault(type, target, newDuration, parameters, needs, rationale);
    }
}
