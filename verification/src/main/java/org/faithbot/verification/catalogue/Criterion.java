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

    /** Whether a run against this target can judge the criterion finally (staging ones on staging or production). */
    public boolean judgedOn(String target) {
        return switch (judged) {
            case "staging" -> "staging".equals(target) || "production".equals(target);
            case "production" -> "production".equals(target);
            default -> true;
        };
    }

    public String label() {
        return id + " " + title + (target == null ? "" : " (" + target + ")");
    }
}
