package org.faithbot.verification.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The alerting rules of the local target ({@code monitoring/alert-rules.yml}) as the harness reads them: each rule's
 * alert name with the CloudWatch alarm it stands for (label {@code alarm}), its severity and its runbook section, so an
 * experiment's expected alerts name the same alarms on both targets.
 */
public final class AlertRules {

    /** One alerting rule: its alert name, the CloudWatch alarm key it stands for, its severity and its runbook section. */
    public record Rule(String alert, String alarm, String severity, String runbook) {
    }

    private final List<Rule> rules;

    private AlertRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /** The rules of {@code monitoring/alert-rules.yml} on the classpath. */
    public static AlertRules load() {
        try (InputStream in = AlertRules.class.getClassLoader().getResourceAsStream("monitoring/alert-rules.yml")) {
            if (in == null) {
                throw new IllegalStateException("monitoring/alert-rules.yml is not on the classpath");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read monitoring/alert-rules.yml", e);
        }
    }

    static AlertRules parse(JsonNode document) {
        List<Rule> rules = new ArrayList<>();
        for (JsonNode group : document.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.hasNonNull("alert")) {
                    rules.add(new Rule(rule.path("alert").asText(), rule.path("labels").path("alarm").asText(),
                            rule.path("labels").path("severity").asText(), rule.path("annotations").path("runbook").asText()));
                }
            }
        }
        return new AlertRules(rules);
    }

    public List<Rule> all() {
        return rules;
    }

    public Optional<Rule> byAlert(String alert) {
        return rules.stream().filter(r -> r.alert().equals(alert)).findFirst();
    }

    public Optional<Rule> byAlarm(String alarm) {
        return rules.stream().filter(r -> r.alarm().equals(alarm)).findFirst();
    }
}
