package org.faithbot.verification.load;

import org.faithbot.verification.evidence.Comparator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A performance baseline (AC-3.6) for one speed of host: the key figures of a reference run on a stated
 * machine, each with the direction that is better and the tolerance beyond which a later run counts as
 * a regression, and how fast the host ran while they were measured ({@link HostReference}). A run is
 * compared with the baseline of its host's speed ({@link PerformanceBaselines}); a figure past its limit
 * fails the spec.
 *
 * <p>limit = value x (1 + tolerance) + slack for figures where lower is better (latency, errors),
 * value x (1 - tolerance) - slack where higher is better (throughput, capacity).
 */
public record PerformanceBaseline(String measuredOn, HostReference host, List<Entry> metrics) {

    /** A figure of a run, with the host's speed over the load it came from. */
    public record Figure(double value, HostSpeed host) {
    }

    /**
     * The host speed a baseline was measured at ({@link HostSpeed}: medians over the baseline's loads), and
     * how far a host's speed may differ, either way, for its figures still to be compared with the baseline.
     */
    public record HostReference(String workload, double computeMicros, double memoryNanos, double tolerancePercent) {

        static HostReference of(HostSpeed speed, double tolerancePercent) {
            return new HostReference(HostSpeed.WORKLOAD, speed.computeMicros(), speed.memoryNanos(), tolerancePercent);
        }

        /** Whether figures measured at this speed can be judged against the baseline: measured, and both measures within the tolerance either way. */
        public boolean admits(HostSpeed speed) {
            double most = 1 + tolerancePercent / 100.0;
            return speed.measured() && within(speed.computeMicros() / computeMicros, most) && within(speed.memoryNanos() / memoryNanos, most);
        }

        private static boolean within(double ratio, double most) {
            return ratio <= most && ratio >= 1 / most;
        }

        /** How far this speed is from the reference: the larger of the two measures' ratios, either way (1.0: the same). */
        public double distance(HostSpeed speed) {
            if (!speed.measured()) {
                return Double.POSITIVE_INFINITY;
            }
            return Math.max(symmetric(speed.computeMicros() / computeMicros), symmetric(speed.memoryNanos() / memoryNanos));
        }

        private static double symmetric(double ratio) {
            return Math.max(ratio, 1 / ratio);
        }

        /** The speed in words against this reference: each measure's time as a multiple of the reference's. */
        public String compare(HostSpeed speed) {
            return speed.measured()
                    ? String.format("compute %.2fx, memory %.2fx the baseline host's", speed.computeMicros() / computeMicros, speed.memoryNanos() / memoryNanos)
                    : "not measured";
        }

        public String describe() {
            return String.format("compute unit %.0f us, memory step %.0f ns, tolerance %.0f %% either way", computeMicros, memoryNanos, tolerancePercent);
        }
    }

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

    /**
     * A baseline with the given figures (by id) in place of this one's values, and the host speed they were
     * measured at (the median of their loads' speeds) in place of this one's; tolerances stay.
     */
    public PerformanceBaseline rebaselined(Map<String, Figure> figures, String machine) {
        return rebaselined(figures, machine, List.of());
    }

    /**
     * As {@link #rebaselined(Map, String)}, and with an entry made from {@code known} (the figures a baseline can hold,
     * with their tolerances) for each measured figure this baseline has no entry for yet.
     */
    public PerformanceBaseline rebaselined(Map<String, Figure> figures, String machine, List<Entry> known) {
        List<Entry> templates = new ArrayList<>(metrics);
        for (Entry entry : known) {
            if (metrics.stream().noneMatch(m -> m.id().equals(entry.id())) && figures.containsKey(entry.id())) {
                templates.add(entry);
            }
        }
        List<Entry> updated = new ArrayList<>();
        for (Entry entry : templates) {
            Figure figure = figures.get(entry.id());
            if (figure != null && !Double.isNaN(figure.value())) {
                updated.add(entry.withValue(Math.round(figure.value() * 10) / 10.0));
            } else if (!Double.isNaN(entry.value())) {
                updated.add(entry);
            }
        }
        HostSpeed speed = runSpeed(figures);
        if (!speed.measured()) {
            throw new IllegalStateException("the host's speed was not measured over any of the baseline's loads: a baseline without it cannot tell a slow host from a regression");
        }
        return new PerformanceBaseline(machine + ", " + LocalDate.now(), HostReference.of(speed, host.tolerancePercent()), updated);
    }

    /** The speed of the host over a run's loads: the median, over the loads, of each measure. */
    public static HostSpeed runSpeed(Map<String, Figure> figures) {
        List<HostSpeed> loads = figures.values().stream().map(Figure::host).distinct().filter(HostSpeed::measured).toList();
        if (loads.isEmpty()) {
            return HostSpeed.notMeasured();
        }
        double[] compute = loads.stream().mapToDouble(HostSpeed::computeMicros).sorted().toArray();
        double[] memory = loads.stream().mapToDouble(HostSpeed::memoryNanos).sorted().toArray();
        return new HostSpeed(compute[compute.length / 2], memory[memory.length / 2], loads.stream().mapToInt(HostSpeed::samples).sum());
    }

    private static String format(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.2f", v);
    }
}
