package org.faithbot.verification.evidence;

import java.time.Instant;

/**
 * One piece of evidence for a criterion: a value measured on a target (or a rule checked
 * statically against files), its threshold and whether it held.
 *
 * @param kind       MEASURED (from a run against a target) or STATIC (from files)
 * @param conditions what the value was measured under, in words (load, users, fault)
 */
public record Evidence(
        String criterion,
        String metric,
        double value,
        String unit,
        Comparator comparator,
        Double threshold,
        boolean passed,
        Kind kind,
        String target,
        String conditions,
        String scenario,
        Instant recordedAt) {

    public enum Kind { MEASURED, STATIC }

    public String describe() {
        if (kind == Kind.STATIC) {
            return criterion + ": [checked statically] " + metric + (passed ? ": holds" : "  ** VIOLATED **");
        }
        String measured = metric + " = " + format(value) + (unit.isEmpty() ? "" : " " + unit);
        String against = threshold == null ? " (reported, not judged)" : " (threshold " + comparator.symbol() + " " + format(threshold) + (unit.isEmpty() ? "" : " " + unit) + ")";
        return criterion + ": [measured on " + target + "] " + measured + against + (passed ? "" : "  ** NOT MET **");
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format("%.3f", v);
    }
}
