package org.faithbot.verification.dashboard;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One panel of a local dashboard: a title, the unit of its y axis, its PromQL queries (each with a legend that names
 * a series from its labels, {@code {instance}}) and the alarm's threshold line, if the panel has an alarm.
 */
record DashboardPanel(String title, String unit, List<Query> queries, OptionalDouble threshold, String thresholdLabel) {

    /** A query and the legend of its series; {@code {label}} in the legend is replaced by the series' label of that name. */
    record Query(String promql, String legend) {

        private static final Pattern LABEL = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)}");

        String name(Map<String, String> labels) {
            Matcher label = LABEL.matcher(legend);
            StringBuilder out = new StringBuilder();
            while (label.find()) {
                label.appendReplacement(out, Matcher.quoteReplacement(labels.getOrDefault(label.group(1), "?")));
            }
            label.appendTail(out);
            return out.toString();
        }
    }

    static DashboardPanel of(String title, String unit, Query... queries) {
        return new DashboardPanel(title, unit, List.of(queries), OptionalDouble.empty(), "");
    }

    DashboardPanel withThreshold(double value, String label) {
        return new DashboardPanel(title, unit, queries, OptionalDouble.of(value), label);
    }
}
