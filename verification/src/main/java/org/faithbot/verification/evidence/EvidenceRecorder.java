package org.faithbot.verification.evidence;

import org.faithbot.verification.catalogue.FigureRouting;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The one way a spec records evidence: a figure under a key, recorded under the criteria the scenario carries
 * (as {@link FigureRouting} narrows or falls back for that key), on the run's target, in the scenario's name.
 * No criterion id is written in glue: the scenario's tags and criteria.yaml say where a figure belongs.
 */
public final class EvidenceRecorder {

    private final EvidenceLog log;
    private final FigureRouting routing;
    private final List<String> scenarioCriteria;
    private final String target;
    private final String scenario;
    private final String emulator;

    public EvidenceRecorder(EvidenceLog log, FigureRouting routing, List<String> scenarioCriteria, String target, String scenario) {
        this(log, routing, scenarioCriteria, target, scenario, null);
    }

    private EvidenceRecorder(EvidenceLog log, FigureRouting routing, List<String> scenarioCriteria, String target, String scenario,
                             String emulator) {
        this.log = log;
        this.routing = routing;
        this.scenarioCriteria = List.copyOf(scenarioCriteria);
        this.target = target;
        this.scenario = scenario;
        this.emulator = emulator;
    }

    /**
     * This scenario's recorder for figures measured against an emulator or a stub of an AWS service ({@code "moto"},
     * {@code "WireMock"}): every figure it records has the level {@code emulator} (a rehearsal of a staging criterion,
     * never its proof). Static checks keep the level static.
     */
    public EvidenceRecorder onEmulator(String name) {
        return new EvidenceRecorder(log, routing, scenarioCriteria, target, scenario, java.util.Objects.requireNonNull(name, "emulator"));
    }

    /**
     * Records the figure under each criterion it serves here; the records come back for the step to assert on.
     *
     * @throws IllegalArgumentException for a figure typed rather than measured: a value and a threshold both exactly 1,
     *                                  with no unit ("done = 1 == 1", written after an assertion passed)
     */
    public List<Evidence> record(String key, Figure figure) {
        refuseTyped(key, figure);
        List<Evidence> recorded = new ArrayList<>();
        Figure measured = emulator != null && figure.emulator() == null ? figure.onEmulator(emulator) : figure;
        for (String criterion : routing.criteriaFor(key, scenarioCriteria)) {
            recorded.add(log.measured(criterion, measured, target, scenario));
        }
        return recorded;
    }

    /**
     * A yes/no typed as "1 == 1" is no measurement: it can only be recorded once the outcome is known, and it says
     * nothing an assertion does not. Record what was measured instead (a count with its unit, a time, a rate of k of n
     * counted over what ran), or assert without recording.
     */
    static void refuseTyped(String key, Figure figure) {
        if (figure.judged() && figure.value() == 1.0 && figure.threshold() == 1.0 && figure.unit().isBlank()) {
            throw new IllegalArgumentException("figure '" + figure.metric() + "' under " + key + " is typed, not measured: value 1 against "
                    + "threshold 1 with no unit. Record what was measured (a count with its unit, a time, a rate of k of n counted over "
                    + "what ran), or assert the outcome without recording it");
        }
    }

    /** Records the figures, then fails (naming every one not met) unless each met its threshold. */
    public void require(String key, Figure... figures) {
        List<Evidence> recorded = new ArrayList<>();
        for (Figure figure : figures) {
            recorded.addAll(record(key, figure));
        }
        requireMet(recorded);
    }

    /** Records the outcome of a rule checked against files as static evidence of the criteria it serves here. */
    public List<Evidence> checkedStatically(String key, String rule, boolean passed) {
        List<Evidence> recorded = new ArrayList<>();
        for (String criterion : routing.criteriaFor(key, scenarioCriteria)) {
            recorded.add(log.checkedStatically(criterion, rule, passed, scenario));
        }
        return recorded;
    }

    /** Records the outcome of a rule checked against files under the criterion the spec's own text names. */
    public Evidence checkedStaticallyUnder(String criterion, String rule, boolean passed) {
        return log.checkedStatically(criterion, rule, passed, scenario);
    }

    /** Fails, naming every record that did not meet its threshold. */
    public static void requireMet(List<Evidence> records) {
        String unmet = records.stream().filter(e -> !e.passed()).map(Evidence::describe).collect(Collectors.joining("\n"));
        if (!unmet.isEmpty()) {
            throw new AssertionError(unmet);
        }
    }
}
