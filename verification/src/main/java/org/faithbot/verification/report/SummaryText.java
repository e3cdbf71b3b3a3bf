package org.faithbot.verification.report;

import java.util.List;
import java.util.Map;

/** summary.txt: the per-criterion summary as printed at the end of a run (or of a merge), with its gate. */
final class SummaryText {

    private SummaryText() {
    }

    static String render(LaunchSummary summary) {
        StringBuilder out = new StringBuilder();
        out.append("\n================ LAUNCH READINESS: per-criterion summary (").append(summary.sources().isEmpty()
                        ? "target: " + summary.target() + ", commit: " + summary.commit()
                        : "merged evidence of " + summary.sources().size() + " runs, release commit: " + summary.commit())
                .append(") ================\n");
        out.append("A criterion passes only on evidence at the level its requirement demands; what passed below it is REHEARSED.\n");
        summary.sources().forEach(s -> out.append("  merged: ").append(s).append('\n'));
        String group = null;
        for (CriterionResult r : summary.results()) {
            if (!r.criterion().groupId().equals(group)) {
                group = r.criterion().groupId();
                out.append('\n').append(group).append("  ").append(r.criterion().groupTitle()).append('\n');
            }
            out.append(String.format("  %-12s %-18s %-11s %s%n", r.criterion().id(), r.status().label().toUpperCase(),
                    r.criterion().level(), r.criterion().title() + (r.criterion().target() == null ? "" : " (" + r.criterion().target() + ")")));
            String indent = " ".repeat(46);
            out.append(indent).append("why ").append(r.criterion().level()).append(": ").append(r.criterion().why()).append('\n');
            if (r.status() != CriterionStatus.PASSED && r.status() != CriterionStatus.NOT_COVERED) {
                out.append(indent).append("status:   ").append(r.reason()).append('\n');
            }
            r.evidence().forEach(e -> out.append(indent).append("evidence [").append(e.level()).append("]: ").append(e.describe()).append('\n'));
            r.failures().stream().filter(f -> !f.startsWith(Judgement.NOT_MET))
                    .forEach(f -> out.append(indent).append("failure:  ").append(firstLine(f)).append('\n'));
        }
        Map<CriterionStatus, Integer> counts = summary.counts();
        out.append("\nCriteria: ").append(summary.results().size());
        for (CriterionStatus status : CriterionStatus.values()) {
            out.append(" | ").append(status.label()).append(": ").append(counts.get(status));
        }
        out.append("\nRequired levels:");
        summary.countsByRequiredLevel().forEach((level, n) -> out.append(' ').append(level).append(' ').append(n).append(','));
        out.setLength(out.length() - 1);
        out.append("\nEvidence records by level:");
        summary.evidenceByLevel().forEach((level, n) -> out.append(' ').append(level).append(' ').append(n).append(','));
        out.setLength(out.length() - 1);
        out.append('\n');
        list(out, summary, "Passed (proved at the required level)", CriterionStatus.PASSED);
        list(out, summary, "Signed off", CriterionStatus.SIGNED_OFF);
        list(out, summary, "Waived (not met, accepted for the launch)", CriterionStatus.WAIVED);
        list(out, summary, "Rehearsed (passed below the required level: not passed)", CriterionStatus.REHEARSED);
        list(out, summary, "Expired (evidence older than its window)", CriterionStatus.EXPIRED);
        list(out, summary, "Awaiting sign-off", CriterionStatus.AWAITING_SIGN_OFF);
        if (!summary.coverage().unknownCriterionTags().isEmpty()) {
            out.append("Tags naming no criterion of the catalogue: ").append(summary.coverage().unknownCriterionTags()).append('\n');
        }
        LaunchGate gate = summary.gate();
        out.append("Gate (").append(gate.gate()).append("): ").append(gate.verdict()).append('\n');
        summary.waivers().forEach(w -> out.append("  waiver: ").append(w).append('\n'));
        if (!gate.blockers().isEmpty()) {
            out.append(gate.open() ? "Failed:\n" : "Kept closed by:\n");
            gate.blockers().forEach(b -> out.append("  ").append(b).append('\n'));
        }
        out.append("==========================================================================================\n");
        return out.toString();
    }

    private static void list(StringBuilder out, LaunchSummary summary, String heading, CriterionStatus status) {
        List<String> ids = summary.results().stream().filter(r -> r.status() == status).map(r -> r.criterion().id()).toList();
        if (!ids.isEmpty()) {
            out.append(heading).append(": ").append(String.join(", ", ids)).append('\n');
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
