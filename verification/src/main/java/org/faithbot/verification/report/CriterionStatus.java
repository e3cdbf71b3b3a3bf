package org.faithbot.verification.report;

/** Where a criterion stands after a run. */
public enum CriterionStatus {
    /** Every scenario of it that ran on this target passed. */
    PASSED,
    /** A scenario of it failed on this target. */
    FAILED,
    /** Its scenarios exist but none ran here: they run only against staging (or production). */
    STAGING_ONLY,
    /** Its scenarios exist for this target but were skipped or left out of this run. */
    SKIPPED,
    /** No scenario verifies it yet. */
    NOT_COVERED;

    public String label() {
        return name().toLowerCase().replace('_', ' ');
    }
}
