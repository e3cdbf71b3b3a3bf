package org.faithbot.verification.policy;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The threshold a Prometheus alerting rule compares with (its expression's comparison with a number), held against an
 * alarm of the definition in the definition's unit: a percent threshold is compared by the local rules as a ratio
 * (5 % is {@code > 0.05}); seconds and counts as they are; hosts through Prometheus's {@code up}, where an instance
 * with {@code up == 0} is an unhealthy host (so {@code up == 0} is "more than 0 unhealthy", and {@code sum(up) == 0}
 * "fewer than 1 healthy").
 *
 * @param operator one of {@code > >= < <= ==}
 */
record PrometheusThreshold(String operator, double value) {

    private static final Pattern COMPARISON = Pattern.compile("(==|!=|>=|<=|>|<)\\s*(-?\\d+(?:\\.\\d+)?)(?![\\w.])");
    private static final Map<String, String> OPERATORS = Map.of("GreaterThanThreshold", ">", "GreaterThanOrEqualToThreshold", ">=",
            "LessThanThreshold", "<", "LessThanOrEqualToThreshold", "<=");

    /** The first comparison with a number in the expression. */
    static Optional<PrometheusThreshold> of(String expression) {
        Matcher m = COMPARISON.matcher(expression);
        return m.find() ? Optional.of(new PrometheusThreshold(m.group(1), Double.parseDouble(m.group(2)))) : Optional.empty();
    }

    /** What the rule's comparison means in the definition's terms (operator and threshold in the definition's unit). */
    PrometheusThreshold inUnitOf(AlarmDefinitions.Definition definition) {
        PrometheusThreshold t = this;
        if (definition.unit().equals("percent")) {
            t = new PrometheusThreshold(operator, Math.round(value * 100 * 1e6) / 1e6);
        }
        if (definition.unit().equals("hosts") && operator.equals("==") && value == 0) {
            // up == 0: an instance not answering; summed, no instance answering
            t = definition.comparison().startsWith("LessThan") ? new PrometheusThreshold("<", 1) : new PrometheusThreshold(">", 0);
        }
        if (definition.unit().equals("hosts") || definition.unit().equals("count")) {
            // whole numbers: >= n is > n-1, <= n is < n+1
            if (t.operator.equals(">=")) {
                t = new PrometheusThreshold(">", t.value - 1);
            } else if (t.operator.equals("<=")) {
                t = new PrometheusThreshold("<", t.value + 1);
            }
        }
        return t;
    }

    /** Why the rule disagrees with the definition, or empty when it fires at the definition's threshold. */
    Optional<String> disagreement(AlarmDefinitions.Definition definition) {
        String wanted = OPERATORS.getOrDefault(definition.comparison(), "?");
        PrometheusThreshold meant = inUnitOf(definition);
        if (meant.operator.equals(wanted) && meant.value == definition.threshold()) {
            return Optional.empty();
        }
        return Optional.of("compares " + operator + " " + value + " (" + meant.operator + " " + meant.value + " " + definition.unit()
                + "), the definition " + definition.comparison() + " " + definition.threshold() + " " + definition.unit());
    }
}
