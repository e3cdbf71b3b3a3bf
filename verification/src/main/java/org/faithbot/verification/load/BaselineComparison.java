package org.faithbot.verification.load;

import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.Figure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * This run's figures compared with the committed baseline of its host's speed. A figure is judged against its limit
 * when its load ran on a host the baseline admits; otherwise (no baseline for a host of this speed, or the host
 * changed speed during the run) it is recorded but not judged, and the comparison is not conclusive unless a judged
 * figure regressed. The host's speed over each load is recorded beside them.
 */
public final class BaselineComparison {

    private final PerformanceBaselines baselines;
    private final Map<String, PerformanceBaseline.Figure> figures;

    public BaselineComparison(PerformanceBaselines baselines, Map<String, PerformanceBaseline.Figure> figures) {
        this.baselines = baselines;
        this.figures = figures;
    }

    /** The committed baselines in words: the machine and the host speed of each. */
    public static String describe(PerformanceBaselines baselines) {
        return PerformanceBaselines.FILE + ":\n" + baselines.baselines().stream()
                .map(b -> "measured on " + b.measuredOn() + "; host: " + b.host().describe()).collect(Collectors.joining("\n"));
    }

    /**
     * With {@code -Dperformance.baseline.update=true}, writes this run's figures as the baseline for a host of its
     * speed (its machine described by {@code -Dperformance.baseline.machine}, or else by the cores, target and profile).
     */
    public void rebaselineIfAsked(String targetName, Path projectRoot) {
        if (Boolean.getBoolean("performance.baseline.update")) {
            HostSpeed speed = PerformanceBaseline.runSpeed(figures);
            PerformanceBaseline template = baselines.forHost(speed).orElseGet(() -> baselines.nearest(speed));
            baselines.with(template.rebaselined(figures, System.getProperty("performance.baseline.machine",
                    Runtime.getRuntime().availableProcessors() + " cores, " + targetName + " target, profile " + LoadProfile.current().name()),
                    StandardLoads.baselineEntries()))
                    .write(projectRoot);
            System.out.println("[load] performance baseline for a host of this speed (" + speed.describe() + ") written: " + PerformanceBaselines.FILE);
        }
    }

    /** What the comparison found: the judged figures past their limit, and why the rest could not be judged, if any was not. */
    public record Outcome(List<String> regressions, Optional<String> notComparable) {
    }

    /**
     * Compares, recording each figure as it goes with {@code record} (which returns its records): first each of the
     * baseline's figures, judged or not, then the host's speed over each load.
     *
     * @throws AssertionError when this run has no figure for one of the baseline's
     */
    public Outcome judge(Function<Figure, List<Evidence>> record) {
        HostSpeed runSpeed = PerformanceBaseline.runSpeed(figures);
        Optional<PerformanceBaseline> chosen = baselines.forHost(runSpeed);
        PerformanceBaseline baseline = chosen.orElseGet(() -> baselines.nearest(runSpeed));
        Map<String, HostSpeed> hostByLoad = new LinkedHashMap<>();
        List<Evidence> judged = new ArrayList<>();
        List<String> notJudged = new ArrayList<>();
        for (PerformanceBaseline.Entry entry : baseline.metrics()) {
            PerformanceBaseline.Figure figure = figures.get(entry.id());
            if (figure == null || Double.isNaN(figure.value())) {
                throw new AssertionError("this run has no figure for the baseline's " + entry.id() + " (" + entry.metric() + ")");
            }
            hostByLoad.putIfAbsent(entry.id().substring(0, entry.id().indexOf('.')), figure.host());
            String rule = entry.describeRule() + "; baseline measured on " + baseline.measuredOn();
            if (chosen.isPresent() && baseline.host().admits(figure.host())) {
                judged.addAll(record.apply(Figure.of(entry.metric() + " vs baseline", figure.value(), entry.unit()).rounded()
                        .judged(entry.comparator(), round(entry.limit())).when(rule)));
            } else {
                record.apply(Figure.of(entry.metric() + " (not judged: no baseline for a host of its load's speed)", figure.value(), entry.unit())
                        .rounded().when(rule + "; limit " + round(entry.limit()) + " " + entry.unit() + " not applied"));
                notJudged.add(String.format("%s %s %s (limit %s)", entry.id(), round(figure.value()), entry.unit(), round(entry.limit())));
            }
        }
        hostByLoad.forEach((load, speed) -> {
            String conditions = speed.describe() + "; " + baseline.host().compare(speed) + " (" + baseline.host().describe() + ")";
            record.apply(Figure.of("host speed over the load " + load + ": memory step, CPU time", speed.memoryNanos(), "ns").rounded().when(conditions));
            record.apply(Figure.of("host speed over the load " + load + ": compute unit, CPU time", speed.computeMicros(), "us").rounded()
                    .when(conditions));
        });
        List<String> regressions = judged.stream().filter(r -> !r.passed()).map(Evidence::describe).toList();
        if (notJudged.isEmpty()) {
            return new Outcome(regressions, Optional.empty());
        }
        String speeds = hostByLoad.entrySet().stream().map(e -> e.getKey() + ": " + baseline.host().compare(e.getValue()))
                .collect(Collectors.joining("; "));
        return new Outcome(regressions, Optional.of("not comparable with a baseline: no committed baseline was measured on a host of this speed"
                + " (nearest: measured on " + baseline.measuredOn() + ", " + baseline.host().describe() + "; this run's loads: " + speeds
                + "), so these figures are recorded and not judged: " + String.join(", ", notJudged)
                + (judged.isEmpty() ? "" : "; the " + judged.size() + " figures judged held")
                + ". Re-baseline on this host to compare runs of its speed (docs/performance.md)"));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
