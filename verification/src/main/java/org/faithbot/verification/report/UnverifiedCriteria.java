package org.faithbot.verification.report;

import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.StatusDetails;
import io.qameta.allure.model.TestResult;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Puts every criterion that no scenario verified in this run into the Allure report as a skipped
 * result under its user story, saying why (not yet covered, judged only in staging, skipped), so the
 * stakeholders' report lists every criterion and never shows an unverified one as passed.
 */
final class UnverifiedCriteria {

    private static final Map<CriterionStatus, String> WHY = Map.of(
            CriterionStatus.NOT_COVERED, "no scenario verifies this criterion yet",
            CriterionStatus.STAGING_ONLY, "only staging (or production) can judge it: what ran here, a static check or a"
                    + " local rehearsal, is not the final word",
            CriterionStatus.SKIPPED, "its scenarios were skipped or left out of this run");

    private UnverifiedCriteria() {
    }

    static void write(LaunchSummary summary) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        for (CriterionResult result : summary.results()) {
            String why = WHY.get(result.status());
            if (why == null || result.scenariosRun() > 0 && result.status() != CriterionStatus.STAGING_ONLY) {
                continue;
            }
            String uuid = UUID.randomUUID().toString();
            lifecycle.scheduleTestCase(new TestResult()
                    .setUuid(uuid)
                    .setName(result.criterion().id() + ": " + result.status().label())
                    .setFullName("launch-readiness.criterion." + result.criterion().id())
                    .setHistoryId("launch-readiness-criterion-" + result.criterion().id())
                    .setStatus(Status.SKIPPED)
                    .setStatusDetails(new StatusDetails().setMessage(why + " (judged: " + result.criterion().judged() + ")"))
                    .setLabels(List.of(
                            new Label().setName("epic").setValue(result.criterion().groupId() + " " + result.criterion().groupTitle()),
                            new Label().setName("feature").setValue(result.criterion().label()),
                            new Label().setName("story").setValue(result.status().label()))));
            lifecycle.startTestCase(uuid);
            lifecycle.stopTestCase(uuid);
            lifecycle.writeTestCase(uuid);
        }
    }
}
