package org.faithbot.verification.report;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Link;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

/**
 * Puts the run's gate into the Allure report as a result of its own, with the summary and the evidence attached:
 * green only when the local gate says READY FOR STAGING (never a GO: one run cannot give one), red when it says
 * NOT READY; a staging run's evidence is red when a criterion failed, otherwise skipped (its verdict comes from a merge).
 * It links back to the launch-readiness page beside the report, which links here.
 */
final class VerdictResult {

    private VerdictResult() {
    }

    static void write(LaunchSummary summary, String renderedSummary, String summaryJson, String evidenceJson) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        String uuid = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult()
                .setUuid(uuid)
                .setName("Launch readiness gate (" + summary.target() + "): " + summary.verdict())
                .setFullName("launch-readiness.verdict." + summary.target())
                .setHistoryId("launch-readiness-verdict-" + summary.target())
                .setStatus(status(summary))
                .setStatusDetails(new StatusDetails().setMessage(counts(summary)))
                .setLabels(List.of(
                        new Label().setName("epic").setValue("Launch readiness"),
                        new Label().setName("feature").setValue("Verdict, computed from the evidence"),
                        new Label().setName("story").setValue("Per-criterion summary"),
                        new Label().setName("target").setValue(summary.target())))
                .setLinks(List.of(new Link().setName("The launch-readiness page (verdict first, every criterion)").setUrl("../index.html"))));
        lifecycle.startTestCase(uuid);
        lifecycle.addAttachment("per-criterion summary", "text/plain", ".txt", renderedSummary.getBytes(StandardCharsets.UTF_8));
        lifecycle.addAttachment("summary.json", "application/json", ".json", summaryJson.getBytes(StandardCharsets.UTF_8));
        lifecycle.addAttachment("evidence.json", "application/json", ".json", evidenceJson.getBytes(StandardCharsets.UTF_8));
        lifecycle.stopTestCase(uuid);
        lifecycle.writeTestCase(uuid);
    }

    static Status status(LaunchSummary summary) {
        LaunchGate gate = summary.gate();
        if (gate.open()) {
            return Status.PASSED;
        }
        if (gate.verdict().equals(LaunchGate.STAGING_EVIDENCE)) {
            return summary.counts().get(CriterionStatus.FAILED) > 0 ? Status.FAILED : Status.SKIPPED;
        }
        return Status.FAILED;
    }

    private static String counts(LaunchSummary summary) {
        StringBuilder text = new StringBuilder(summary.verdict()).append(" (commit ").append(summary.commit()).append("): ");
        summary.counts().forEach((status, count) -> text.append(status.label()).append(' ').append(count).append(", "));
        text.setLength(text.length() - 2);
        if (!summary.gate().blockers().isEmpty()) {
            text.append("\n").append(String.join("\n", summary.gate().blockers()));
        }
        return text.toString();
    }
}
