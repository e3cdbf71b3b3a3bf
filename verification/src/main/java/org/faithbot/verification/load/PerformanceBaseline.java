package org.faithbot.verification.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.faithbot.verification.evidence.Comparator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The committed performance baseline (AC-3.6): the key figures of a reference run on a stated
 * machine, each with the direction that is better and the tolerance beyond which a later run counts
 * as a regression. Every run is compared with it; a figure past its limit fails the spec.
 *
 * <p>limit = value x (1 + tolerance) + slack for figures where lower is better (latency, errors),
 * value x (1 - tolerance) - slack where higher is better (throughput, capacity).
 *
 * <p>Re-baselining (after a deliberate change, or on a new reference machine) is one run with
 * {@code -Dperformance.baseline.update=true}: the figures of that run replace the values, tolerances stay.
 */
public record PerformanceBaseline(String measuredOn, String note, List<Entry> metrics) {

    public static final String FILE = "verification/src/main/resources/performance-baseline.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public record Entry(String id, String criterion, String metric, String unit, double value, String better,
                        double tolerancePercent, double slack) {

        public boolean lowerIsBetter() {
            return "lower".equals(better);
        }

        public double limit() {
            return lowerIsBetter() ? value * (1 + tolerancePercent / 100.0) + slack : value * (1 - tolerancePercent / 100.0) - slack;
        }

        public Comparator comparator() {
            return lowerIsBetter() ? Comparator.AT_MOST : Comparator.AT_LEAST;
        }

        public String describeRule() {
            return String.format("baseline %s %s, %s is better, tolerance %s%.0f %%%s", format(value), unit, better,
                    lowerIsBetter() ? "+" : "-", tolerancePercent, slack == 0 ? "" : (lowerIsBetter() ? " + " : " - ") + format(slack) + " " + unit);
        }

        Entry withValue(double newValue) {
            return new Entry(id, criterion, metric, unit, newValue, better, tolerancePercent, slack);
        }
    }

    public static PerformanceBaseline read(Path projectRoot) {
        try {
            return JSON.readValue(projectRoot.resolve(FILE).toFile(), PerformanceBaseline.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the performance baseline " + FILE, e);
        }
    }

    /** Writes a new baseline with the given figures (by id) in place of the old values. */
    public PerformanceBaseline rebaselined(Map<String, Double> figures, String machine) {
        List<Entry> updated = new ArrayList<>();
        for (Entry entry : metrics) {
            Double figure = figures.get(entry.id());
            updated.add(figure == null || figure.isNaN() ? entry : entry.withValue(Math.round(figure * 10) / 10.0));
        }
        return new PerformanceBaseline(machine + ", " + LocalDate.now(), note, updated);
    }

    public void write(Path projectRoot) {
        try {
            Files.writeString(projectRoot.resolve(FILE), JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the performance baseline " + FILE, e);
        }
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.2f", v);
    }
}
