package org.faithbot.verification.catalogue;

/**
 * One launch-readiness criterion: an acceptance criterion of a user story (AC-x.y), a
 * non-functional target (NFR-...) or a success metric (SC-...).
 *
 * @param judged where the criterion can finally be judged: local, static, staging or production
 */
public record Criterion(String id, String groupId, String groupTitle, String title, String judged, String target) {

    public String tag() {
        return "@" + id;
    }

    public boolean judgedOnlyBeyondLocal() {
        return "staging".equals(judged) || "production".equals(judged);
    }

    public String label() {
        return id + " " + title + (target == null ? "" : " (" + target + ")");
    }
}
