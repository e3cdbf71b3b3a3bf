package org.faithbot.verification.http;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Prometheus text exposition (what /actuator/prometheus serves), read into its samples with
 * their labels: the one reader of that format in the harness, for sums, sums grouped by a label
 * and histograms.
 */
public record PrometheusText(List<Sample> samples) {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+).*$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    public PrometheusText {
        samples = List.copyOf(samples);
    }

    public record Sample(String name, Map<String, String> labels, double value) {

        /** Whether its labels include all the given ones. */
        public boolean hasLabels(Map<String, String> wanted) {
            return wanted.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
        }
    }

    public static PrometheusText parse(String exposition) {
        List<Sample> samples = new ArrayList<>();
        for (String line : exposition.split("\n")) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            try {
                samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(4))));
            } catch (NumberFormatException e) {
                // NaN and friends parse; anything else is not a sample
            }
        }
        return new PrometheusText(samples);
    }

    /** The sum of every sample of the metric whose labels include all the given ones. */
    public static double sum(String exposition, String metric, Map<String, String> labels) {
        return parse(exposition).sum(metric, labels);
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The samples of the metric whose labels include all the given ones. */
    public List<Sample> samples(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.hasLabels(labels)).toList();
    }

    /** The sum over every sample of the metric whose labels include all the given ones. */
    public double sum(String name, Map<String, String> labels) {
        return samples(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /** Sums of the metric grouped by the value of one label. */
    public Map<String, Double> sumBy(String name, String label, Map<String, String> labels) {
        Map<String, Double> sums = new LinkedHashMap<>();
        samples(name, labels).forEach(s -> sums.merge(s.labels().getOrDefault(label, ""), s.value(), Double::sum));
        return sums;
    }
}
