package org.faithbot.verification.report;

import org.faithbot.verification.catalogue.Criterion;
import org.faithbot.verification.catalogue.ProofLevel;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.ScenarioOutcome;

import java.util.ArrayList;
import java.util.List;

/**
 * How a criterion stands on what ran of it on one target: the one rule a run's summary and a merge of runs share.
 * Every scenario of it and every record under it count: a record not met fails it; PASSED needs evidence at its
 * required level or above, what passed below it is REHEARSED; a run of only some of its scenarios is PARTIAL.
 * (A criterion that demands a sign-off is judged by the ledger, not here.)
 *
 * @param shownAt  the highest level at which what ran passed (null when nothing passed)
 * @param failures the scenarios that failed and the records not met, in words
 */
public record Judgement(CriterionStatus status, ProofLevel shownAt, List<String> failures) {

    public static final String NOT_MET = "evidence not met: ";

    /**
     * @param written   how many scenarios of it are written, for any target
     * @param forTarget how many of them are written for this target
     */
    public static Judgement of(Criterion criterion, String target, int written, int forTarget, List<ScenarioOutcome> ran, List<Evidence> records) {
        List<String> failures = new ArrayList<>();
        ran.stream().filter(ScenarioOutcome::failed)
                .map(o -> o.name() + ": " + o.status() + (o.error() == null ? "" : " - " + o.error())).forEach(failures::add);
        records.stream().filter(e -> !e.passed()).map(e -> NOT_MET + e.describe()).forEach(failures::add);
        ProofLevel shownAt = shownAt(target, ran, records);
        return new Judgement(statusOf(criterion, written, forTarget, ran, failures, shownAt), shownAt, List.copyOf(failures));
    }

    /**
     * The highest level at which what ran of a criterion passed: each passed record at its own level (static,
     * local, emulator, staging), each passed scenario that recorded nothing under it at its own (static when it is
     * a static check, else the target's).
     */
    public static ProofLevel shownAt(String target, List<ScenarioOutcome> ran, List<Evidence> records) {
        ProofLevel best = null;
        for (Evidence e : records) {
            if (e.passed()) {
                best = ProofLevel.higher(best, e.level());
            }
        }
        for (ScenarioOutcome o : ran) {
            if (o.passed() && records.stream().noneMatch(e -> o.name().equals(e.scenario()))) {
                best = ProofLevel.higher(best, o.level(target));
            }
        }
        return best;
    }

    private static CriterionStatus statusOf(Criterion criterion, int written, int forTarget, List<ScenarioOutcome> ran,
                                            List<String> failures, ProofLevel shownAt) {
        if (!failures.isEmpty()) {
            return CriterionStatus.FAILED;
        }
        if (ran.stream().anyMatch(o -> !o.passed())) {
            return CriterionStatus.SKIPPED;
        }
        if (ran.isEmpty()) {
            if (written == 0) {
                return CriterionStatus.NOT_COVERED;
            }
            return forTarget == 0 ? CriterionStatus.NOT_RUN_HERE : CriterionStatus.SKIPPED;
        }
        if (ran.size() < forTarget) {
            return CriterionStatus.PARTIAL;
        }
        return criterion.provedAt(shownAt) ? CriterionStatus.PASSED : CriterionStatus.REHEARSED;
    }
}
