package org.faithbot.verification.report;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Puts every criterion this run did not prove, though its scenarios may be green, into the Allure report as a
 * result of its own under its user story, saying why: REHEARSED (passed below its required level), PARTIAL, awaiting
 * sign-off, waived, not run here, skipped or not yet covered as "skipped", never as passed; a sign-off in the ledger as "passed"; a criterion FAILED by a record
 * not met under green scenarios as "failed". The figures it rests on are attached. A criterion PASSED, or FAILED by a
 * failing scenario, is already shown by its scenarios.
 */
final class UnverifiedCriteria {

    private UnverifiedCriteria() {
    }

    static void write(LaunchSummary summary) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        for (CriterionResult result : summary.results()) {
            Status status = statusOf(result);
            if (status == null) {
                continue;
            }
            String uuid = UUID.randomUUID().toString();
            lifecycle.scheduleTestCase(new TestResult()
                    .setUuid(uuid)
                    .setName(result.criterion().id() + ": " + result.status().label())
                    .setFullName("launch-readiness.criterion." + result.criterion().id())
                    .setHistoryId("launch-readiness-criterion-" + result.criterion().id())
                    .setStatus(status)
                    .setStatusDetails(new StatusDetails().setMessage(result.status().label() + ": " + result.reason()
                            + " (required level " + result.criterion().level() + ": " + result.criterion().why() + ")"))
                    .setLabels(List.of(
                            new Label().setName("epic").setValue(result.criterion().groupId() + " " + result.criterion().groupTitle()),
                            new Label().setName("feature").setValue(result.criterion().label()),
                            new Label().setName("story").setValue(result.status().label()),
                            new Label().setName("tag").setValue("required-level:" + result.criterion().level()))));
            lifecycle.startTestCase(uuid);
            if (!result.evidence().isEmpty() || !result.failures().isEmpty()) {
                lifecycle.addAttachment("figures", "text/plain", ".txt", figures(result).getBytes(StandardCharsets.UTF_8));
            }
            lifecycle.stopTestCase(uuid);
            lifecycle.writeTestCase(uuid);
        }
    }

    /** The Allure status of the criterion's own result, or null when its scenarios already show it. */
    static Status statusOf(CriterionResult result) {
        return switch (result.status()) {
            case PASSED -> null;
            case SIGNED_OFF -> Status.PASSED;
            case FAILED -> result.failures().stream().allMatch(f -> f.startsWith(Judgement.NOT_MET)) ? Status.FAILED : null;
            case WAIVED, REHEARSED, PARTIAL, SKIPPED, NOT_COVERED, NOT_RUN_HERE, EXPIRED, AWAITING_SIGN_OFF -> Status.SKIPPED;
        };
    }

    private static String figures(CriterionResult result) {
        String evidence = result.evidence().stream().map(e -> "[" + e.level() + "] " + e.describe()).collect(Collectors.joining("\n"));
        String failures = String.join("\n", result.failures());
        return evidence + (failures.isEmpty() ? "" : "\n\nfailures:\n" + failures);
    }
}
