package org.faithbot.verification.recovery;

import org.faithbot.verification.traffic.AcknowledgedWrite;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The outcome of checking acknowledged writes against restored data, read from one source (the
 * restored tables, or the service's export).
 */
public record IntegrityReport(String source, int checked, List<Finding> findings) {

    public enum Problem { MISSING, DIFFERENT }

    /** One acknowledged write that is not found again intact. */
    public record Finding(Problem problem, AcknowledgedWrite write, String detail) {

        public String describe() {
            return problem + " " + write.describe() + ": " + detail;
        }
    }

    public IntegrityReport {
        findings = List.copyOf(findings);
    }

    /** The writes with at least one part missing. */
    public Set<AcknowledgedWrite> missing() {
        return findings.stream().filter(f -> f.problem() == Problem.MISSING).map(Finding::write)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** The writes that are present but altered (and have no part missing). */
    public Set<AcknowledgedWrite> different() {
        Set<AcknowledgedWrite> missing = missing();
        return findings.stream().filter(f -> f.problem() == Problem.DIFFERENT).map(Finding::write)
                .filter(w -> !missing.contains(w)).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /** Every write not found intact. */
    public Set<AcknowledgedWrite> notIntact() {
        Set<AcknowledgedWrite> all = new LinkedHashSet<>(missing());
        all.addAll(different());
        return all;
    }

    public boolean intact() {
        return findings.isEmpty();
    }

    /** The findings restricted to some writes (those older than the recovery point, say). */
    public IntegrityReport about(Set<AcknowledgedWrite> writes) {
        return new IntegrityReport(source, (int) writes.size(),
                findings.stream().filter(f -> writes.contains(f.write())).toList());
    }

    /** A message naming every write that is missing or different, one a line. */
    public String describe() {
        if (intact()) {
            return source + ": all " + checked + " acknowledged writes present and identical";
        }
        return source + ": " + missing().size() + " of " + checked + " acknowledged writes missing, " + different().size()
                + " different:\n  " + findings.stream().map(Finding::describe).collect(Collectors.joining("\n  "));
    }
}
