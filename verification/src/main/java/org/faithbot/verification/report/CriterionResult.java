package org.faithbot.verification.report;

import org.faithbot.verification.catalogue.Criterion;
import org.faithbot.verification.catalogue.ProofLevel;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.ScenarioOutcome;
import org.faithbot.verification.signoff.SignOff;
import org.faithbot.verification.signoff.Waiver;

import java.util.List;

/**
 * A criterion's standing after a run (or over merged evidence), with the scenario outcomes and evidence it rests on.
 *
 * @param shownAt            the highest level at which what ran of it passed (null when nothing passed)
 * @param scenariosForTarget how many of its scenarios are written for this run's target
 * @param failures           the scenarios that failed and the records of evidence not met
 * @param scenarios          the scenarios of it that ran, with how each ended
 * @param expectedScenarios  the names of its scenarios written for this run's target
 * @param signOffs           its items of the sign-off ledger (empty unless it demands a sign-off)
 * @param waiver             the waiver in force for it, or null
 * @param note               a line to add to the reason (what expired and when, which run it came from), or null
 */
public record CriterionResult(Criterion criterion, CriterionStatus status, ProofLevel shownAt, int scenariosWritten,
                              int scenariosForTarget, int scenariosRun, List<String> failures, List<Evidence> evidence,
                              List<ScenarioOutcome> scenarios, List<String> expectedScenarios, List<SignOff> signOffs,
                              Waiver waiver, String note) {

    /** A result with no scenario detail, sign-off or waiver (tests, and criteria nothing ran of). */
    public CriterionResult(Criterion criterion, CriterionStatus status, ProofLevel shownAt, int scenariosWritten,
                           int scenariosForTarget, int scenariosRun, List<String> failures, List<Evidence> evidence) {
        this(criterion, status, shownAt, scenariosWritten, scenariosForTarget, scenariosRun, failures, evidence, List.of(), List.of(),
                List.of(), null, null);
    }

    /** The same result, waived: WAIVED, with the status it had kept in the note. */
    public CriterionResult waivedBy(Waiver w) {
        return new CriterionResult(criterion, CriterionStatus.WAIVED, shownAt, scenariosWritten, scenariosForTarget, scenariosRun,
                failures, evidence, scenarios, expectedScenarios, signOffs, w, status.label().toUpperCase() + " without the waiver: " + reason());
    }

    /** A line saying why the status, in words. */
    public String reason() {
        ProofLevel required = criterion.level();
        String reason = switch (status) {
            case PASSED -> "proved at " + shownAt + (shownAt == required ? "" : " (needs " + required + ")");
            case SIGNED_OFF -> "every item of it in the sign-off ledger is signed and unexpired";
            case WAIVED -> waiver.describe();
            case REHEARSED -> "rehearsed at " + shownAt + ": the requirement demands " + required;
            case FAILED -> failures.size() + " failure(s): a scenario failed or a record was not met";
            case PARTIAL -> scenariosRun + " of its " + scenariosForTarget + " scenarios for this target ran";
            case SKIPPED -> scenariosRun == 0 ? "none of its scenarios for the target ran (left out of the run, or of every merged run)" : "a scenario of it was skipped";
            case NOT_COVERED -> "no scenario verifies it yet";
            case NOT_RUN_HERE -> "its scenarios run only on another target";
            case EXPIRED -> "its evidence is older than its freshness window: it counts as missing";
            case AWAITING_SIGN_OFF -> "not met: only a sign-off proves it, and not every item of it in the ledger is signed and unexpired";
        };
        return note == null ? reason : reason + "; " + note;
    }
}
