package org.faithbot.verification.report;

/**
 * Where a criterion stands after a run. PASSED only when evidence at the criterion's required level (or above)
 * passed; what passed below it is REHEARSED, shown with its figures and never counted as passed.
 */
public enum CriterionStatus {
    /** Every scenario of it for this target ran and passed, every record under it was met, at its required level or above. */
    PASSED,
    /** Its scenarios for this target all ran and passed and its records were met, but below its required level. */
    REHEARSED,
    /** A scenario of it failed, or a record of evidence under it was not met. */
    FAILED,
    /** Only some of its scenarios for this target ran (a filtered run): the figures are shown, never PASSED. */
    PARTIAL,
    /** A scenario of it was skipped (a tool missing, say), or all of its scenarios for this target were left out of the run. */
    SKIPPED,
    /** No scenario verifies it yet. */
    NOT_COVERED,
    /** Its scenarios exist only for another target (staging, say): nothing of it runs on this one. */
    NOT_RUN_HERE,
    /** Only a person's sign-off proves it, and none is recorded: not met, though not a failure of the local gate. */
    AWAITING_SIGN_OFF;

    public String label() {
        return name().toLowerCase().replace('_', ' ').replace("sign off", "sign-off");
    }
}
