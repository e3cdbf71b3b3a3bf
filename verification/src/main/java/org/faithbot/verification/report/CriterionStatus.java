package org.faithbot.verification.report;

/** Where a criterion stands after a run. */
public enum CriterionStatus {
    /** Every scenario of it that ran on this target passed. */
    PASSED,
    /** A scenario of it failed on this target. */
    FAILED,
    /**
     * Only staging (or production) can judge it: its scenarios run only there, or what ran here (a static
     * check of the Terraform, a local rehearsal of the mechanism) passed but cannot be the final word.
     */
    STAGING_ONLY,
    /** Its scenarios exist for this target but one was skipped (a tool missing, say) or all were left out of this run. */
    SKIPPED,
    /** No scenario verifies it yet. */
    NOT_COVERED;

    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
