package org.faithbot.verification.http;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads values out of a Prometheus text exposition (what /actuator/prometheus serves). */
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusText() {
    }

    /** The sum of every sample of the metric whose labels include all the given ones. */
    public static double sum(String exposition, String metric, Map<String, String> labels) {
        double sum = 0;
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#")) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (sample.matches() && sample.group(1).equals(metric) && hasLabels(sample.group(3), labels)) {
                sum += Double.parseDouble(sample.group(4));
            }
        }
        return sum;
    }

    private static boolean hasLabels(String labelText, Map<String, String> wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        if (labelText == null) {
            return false;
        }
        Map<String, String> present = new java.util.HashMap<>();
        Matcher label = LABEL.matcher(labelText);
        while (label.find()) {
            present.put(label.group(1), label.group(2));
        }
        return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(present.get(e.getKey())));
    }
}
