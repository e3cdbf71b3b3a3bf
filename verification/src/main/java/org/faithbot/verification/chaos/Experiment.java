package org.faithbot.verification.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One fault-injection experiment, as data (a file of chaos-experiments/): the steady-state
 * hypothesis, the fault as an AWS FIS template and as its local equivalent, the stop conditions
 * (the FIS template's CloudWatch alarms; the local driver evaluates the same alarms on what it
 * measures), the longest the service may take to recover, and the criteria it serves.
 *
 * @param alerting       the alerts its fault must page (or none, when the service absorbs it); null when the file declares none
 * @param stopConditions alarm keys of the monitoring module ({@code alb-5xx-rate}, ...): the FIS
 *                       template's stop conditions, and the local driver's
 */
public record Experiment(String id, String title, String description, List<String> criteria, SteadyState steadyState,
                         Duration maxRecovery, LocalFault local, FisSpec fis, List<String> stopConditions, Alerting alerting, Path file) {

    static final ObjectMapper JSON = new ObjectMapper();

    public static Experiment read(Path file) {
        try {
            return parse(JSON.readTree(file.toFile()), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the experiment " + file, e);
        }
    }

    public static Experiment parse(JsonNode node, Path file) {
        String name = file == null ? "experiment" : file.getFileName().toString();
        String id = text(node, "id", name);
        List<String> criteria = new ArrayList<>();
        node.path("criteria").forEach(c -> criteria.add(c.asText()));
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException(id + ": criteria must name at least one criterion");
        }
        JsonNode recovery = node.path("maxRecoverySeconds");
        if (!recovery.isNumber() || recovery.asDouble() < 0) {
            throw new IllegalArgumentException(id + ": maxRecoverySeconds must be a number of seconds");
        }
        LocalFault local = LocalFault.from(node.get("local"), id);
        FisSpec fis = FisSpec.from(node.get("fis"), id);
        if (local == null && fis == null) {
            throw new IllegalArgumentException(id + ": an experiment needs a local fault, an FIS template, or both");
        }
        List<String> stops = new ArrayList<>(fis != null ? fis.stopConditionAlarms() : List.of());
        node.path("local").path("stopConditions").forEach(s -> {
            if (!stops.contains(s.asText())) {
                stops.add(s.asText());
            }
        });
        return new Experiment(id, node.path("title").asText(id), text(node, "description", id), List.copyOf(criteria),
                SteadyState.from(node.get("steadyState"), id), Duration.ofMillis(Math.round(recovery.asDouble() * 1000)),
                local, fis, List.copyOf(stops), Alerting.from(node.get("alerting"), id), file);
    }

    /** A copy with another recovery bound (a deliberately breaking configuration, for self-tests). */
    public Experiment withMaxRecovery(Duration bound) {
        return new Experiment(id, title, description, criteria, steadyState, bound, local, fis, stopConditions, alerting, file);
    }

    /** A copy whose local fault is held for another duration. */
    public Experiment withLocalDuration(Duration duration) {
        return new Experiment(id, title, description, criteria, steadyState, maxRecovery,
                local == null ? null : local.withDuration(duration), fis, stopConditions, alerting, file);
    }

    /** A copy with other stop conditions. */
    public Experiment withStopConditions(List<String> alarms) {
        return new Experiment(id, title, description, criteria, steadyState, maxRecovery, local, fis, List.copyOf(alarms), alerting, file);
    }

    /** A copy expecting other alerts (a self-test). */
    public Experiment withAlerting(Alerting other) {
        return new Experiment(id, title, description, criteria, steadyState, maxRecovery, local, fis, stopConditions, other, file);
    }

    public Experiment withSteadyState(SteadyState state) {
        return new Experiment(id, title, description, criteria, state, maxRecovery, local, fis, stopConditions, alerting, file);
    }

    static String text(JsonNode node, String field, String context) {
        JsonNode value = node.path(field);
        if (!value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException(context + ": '" + field + "' is missing");
        }
        return value.asText();
    }

    static double number(JsonNode node, String field, String context) {
        JsonNode value = node.path(field);
        if (!value.isNumber()) {
            throw new IllegalArgumentException(context + ": '" + field + "' must be a number");
        }
        return value.asDouble();
    }
}
