package org.faithbot.verification.report;

import org.faithbot.verification.catalogue.Criterion;
import org.faithbot.verification.catalogue.ProofLevel;
import org.faithbot.verification.evidence.Evidence;

import java.util.List;

/**
 * A criterion's standing after a run, with the scenario outcomes and evidence it rests on.
 *
 * @param shownAt            the highest level at which what ran of it passed (null when nothing passed)
 * @param scenariosForTarget how many of its scenarios are written for this run's target
 * @param failures           the scenarios that failed and the records of evidence not met
 */
public record CriterionResult(Criterion criterion, CriterionStatus status, ProofLevel shownAt, int scenariosWritten,
                              int scenariosForTarget, int scenariosRun, List<String> failures, List<Evidence> evidence) {

    /** A line saying why the status, in words. */
    public String reason() {
        ProofLevel required = criterion.level();
        return switch (status) {
            case PASSED -> "proved at " + shownAt + (shownAt == required ? "" : " (needs " + required + ")");
            case REHEARSED -> "rehearsed at " + shownAt + ": the requirement demands " + required;
            case FAILED -> failures.size() + " failure(s): a scenario failed or a record was not met";
            case PARTIAL -> scenariosRun + " of its " + scenariosForTarget + " scenarios for this target ran";
            case SKIPPED -> scenariosRun == 0 ? "its scenarios for this target were left out of this run" : "a scenario of it was skipped";
            case NOT_COVERED -> "no scenario verifies it yet";
            case NOT_RUN_HERE -> "its scenarios run only on another target";
            case AWAITING_SIGN_OFF -> "only a sign-off proves it; none is recorded";
        };
    }
}
