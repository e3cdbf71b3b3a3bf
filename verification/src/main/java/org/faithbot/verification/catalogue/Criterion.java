package org.faithbot.verification.catalogue;

/**
 * One launch-readiness criterion: an acceptance criterion of a user story (AC-x.y), a
 * non-functional target (NFR-...) or a success metric (SC-...).
 *
 * @param level the level at which the requirement's own words demand proof (static, local, staging,
 *              production or sign-off): evidence below it rehearses the criterion, never passes it
 * @param why   in one line, why the requirement demands that level
 */
public record Criterion(String id, String groupId, String groupTitle, String title, ProofLevel level, String why, String target) {

    public String tag() {
        return "@" + id;
    }

    /** Whether evidence at {@code evidence} proves this criterion (rather than rehearsing it). */
    public boolean provedAt(ProofLevel evidence) {
        return evidence != null && evidence.satisfies(level);
    }

    /** Whether only a person's sign-off can prove it. */
    public boolean needsSignOff() {
        return level == ProofLevel.SIGN_OFF;
    }

    public String label() {
        return id + " " + title + (target == null ? "" : " (" + target + ")");
    }
}
