package org.faithbot.verification.evidence;

import org.faithbot.verification.catalogue.ProofLevel;

import java.time.Instant;

/**
 * One piece of evidence for a criterion: a value measured on a target (or a rule checked
 * statically against files), its threshold and whether it held.
 *
 * @param kind       MEASURED (from a run against a target) or STATIC (from files)
 * @param conditions what the value was measured under, in words (load, users, fault)
 * @param level      how far it proves: static (a static check), local, staging or production (the target it was
 *                   measured on), emulator (measured against an emulator or a stub of an AWS service: moto, WireMock)
 * @param emulator   the emulator or stub it was measured against (moto, WireMock), or null
 * @param commit     the git commit the run was on; null until the run's end stamps it (see {@link #withCommit})
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
        Instant recordedAt,
        ProofLevel level,
        String emulator,
        String commit) {

    public enum Kind { MEASURED, STATIC }

    /** The level of a record of this kind made on this target, against this emulator (null: none). */
    public static ProofLevel levelOf(Kind kind, String target, String emulator) {
        if (kind == Kind.STATIC) {
            return ProofLevel.STATIC;
        }
        return emulator != null ? ProofLevel.EMULATOR : ProofLevel.ofTarget(target);
    }

    /** The same record, on the commit the run was on. */
    public Evidence withCommit(String commit) {
        return new Evidence(criterion, metric, value, unit, comparator, threshold, passed, kind, target, conditions, scenario,
                recordedAt, level, emulator, commit);
    }

    public String describe() {
        if (kind == Kind.STATIC) {
            return criterion + ": [checked statically] " + metric + (passed ? ": holds" : "  ** VIOLATED **");
        }
        String measured = metric + " = " + format(value) + (unit.isEmpty() ? "" : " " + unit);
        String against = threshold == null ? " (reported, not judged)" : " (threshold " + comparator.symbol() + " " + format(threshold) + (unit.isEmpty() ? "" : " " + unit) + ")";
        String where = emulator == null ? target : target + ", against the emulator " + emulator;
        return criterion + ": [measured on " + where + "] " + measured + against + (passed ? "" : "  ** NOT MET **");
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format("%.3f", v);
    }
}
