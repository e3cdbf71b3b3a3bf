package org.faithbot.verification.evidence;

import java.util.Objects;

/**
 * One figure a spec measured, as it is recorded: what was measured, its value and unit, what it was measured
 * under, and how it is judged: against a threshold with a comparator, or reported and not judged (no threshold).
 * Built fluently: {@code Figure.of("chat latency p95 under load", p95, "ms").lessThan(3000).when(conditions)}.
 * A figure measured against an emulator or a stub of an AWS service says so with {@link #onEmulator}: its record
 * then has the level {@code emulator}, never more than local, whatever the target.
 *
 * @param emulator the emulator or stub the figure was measured against (moto, WireMock), or null
 */
public record Figure(String metric, double value, String unit, Comparator comparator, Double threshold, String conditions,
                     String emulator) {

    public Figure {
        Objects.requireNonNull(metric, "metric");
        unit = unit == null ? "" : unit;
        conditions = conditions == null ? "" : conditions;
        emulator = emulator == null || emulator.isBlank() ? null : emulator;
        if ((comparator == null) != (threshold == null)) {
            throw new IllegalArgumentException("a judged figure needs both a comparator and a threshold: " + metric);
        }
    }

    /** A figure measured against the real thing (no emulator). */
    public Figure(String metric, double value, String unit, Comparator comparator, Double threshold, String conditions) {
        this(metric, value, unit, comparator, threshold, conditions, null);
    }

    /** A figure reported and not judged, until a threshold is given. */
    public static Figure of(String metric, double value, String unit) {
        return new Figure(metric, value, unit, null, null, "", null);
    }

    public Figure lessThan(double limit) {
        return judged(Comparator.LESS_THAN, limit);
    }

    public Figure atMost(double limit) {
        return judged(Comparator.AT_MOST, limit);
    }

    public Figure greaterThan(double limit) {
        return judged(Comparator.GREATER_THAN, limit);
    }

    public Figure atLeast(double limit) {
        return judged(Comparator.AT_LEAST, limit);
    }

    public Figure equalTo(double expected) {
        return judged(Comparator.EQUAL_TO, expected);
    }

    /** Judged against {@code limit} with {@code comparator}; a null limit leaves the figure reported, not judged. */
    public Figure judged(Comparator comparator, Double limit) {
        return limit == null ? this : new Figure(metric, value, unit, Objects.requireNonNull(comparator), limit, conditions, emulator);
    }

    /** What the figure was measured under, in words (load, users, fault, how it was counted). */
    public Figure when(String conditions) {
        return new Figure(metric, value, unit, comparator, threshold, conditions, emulator);
    }

    /**
     * Measured against an emulator or a stub of the AWS service it stands for ({@code "moto"}, {@code "WireMock"}):
     * the record's level is {@code emulator}, which rehearses a staging criterion and never passes it.
     */
    public Figure onEmulator(String name) {
        return new Figure(metric, value, unit, comparator, threshold, conditions, Objects.requireNonNull(name, "emulator"));
    }

    /** The value rounded to two decimals, as the reports show figures. */
    public Figure rounded() {
        return new Figure(metric, Math.round(value * 100) / 100.0, unit, comparator, threshold, conditions, emulator);
    }

    public boolean judged() {
        return threshold != null;
    }

    /** Whether the figure met its threshold; a figure that is only reported is never "not met". */
    public boolean met() {
        return threshold == null || comparator.holds(value, threshold);
    }
}
