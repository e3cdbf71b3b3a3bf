package org.faithbot.verification.report;

/**
 * Where a criterion stands after a run, or over merged evidence. PASSED only when evidence at the criterion's required
 * level (or above) passed; what passed below it is REHEARSED, shown with its figures and never counted as passed.
 * A criterion that demands a sign-off is SIGNED_OFF by the ledger, never PASSED by a machine.
 */
public enum CriterionStatus {
    /** Every scenario of it for this target ran and passed, every record under it was met, at its required level or above. */
    PASSED,
    /** Every item of it in the sign-off ledger is signed and unexpired. */
    SIGNED_OFF,
    /** It is not met, and a waiver in force (owner, reason, expiry) accepts that for the launch: never PASSED. */
    WAIVED,
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
    /** The evidence that would prove it is older than its freshness window (or, for a static check, from another commit): counts as missing. */
    EXPIRED,
    /** Only a person's sign-off proves it, and an item of it is unsigned or expired: not met (the local gate lets it pass, the launch gate does not). */
    AWAITING_SIGN_OFF;

    public String label() {
        return name().toLowerCase().replace('_', ' ').replace("sign off", "sign-off").replace("signed off", "signed-off");
    }

    /** Whether the launch accepts it: proved, signed off, or waived. */
    public boolean acceptedForLaunch() {
        return this == PASSED || this == SIGNED_OFF || this == WAIVED;
    }

    /** The CSS-friendly name: passed, signed-off, awaiting-sign-off. */
    public String slug() {
        return name().toLowerCase().replace('_', '-');
    }
}
