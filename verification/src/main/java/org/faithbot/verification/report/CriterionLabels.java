package org.faithbot.verification.report;

import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.Criterion;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Files the Allure result of a scenario under its user story (epic) and its criteria (feature),
 * so the launch-readiness report reads by story and criterion rather than by feature file.
 */
final class CriterionLabels {

    private static final List<String> REPLACED = List.of("epic", "feature", "story");

    private final CriteriaCatalogue catalogue;

    CriterionLabels(CriteriaCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** Relabels the test case Allure has just started on this thread. */
    void applyToCurrentTestCase(String scenarioName, Collection<String> tags) {
        if (Allure.getLifecycle().getCurrentTestCase().isEmpty()) {
            return;
        }
        List<Criterion> criteria = tags.stream().map(catalogue::find).flatMap(Optional::stream).toList();
        Allure.getLifecycle().updateTestCase(test -> {
            test.getLabels().removeIf(label -> REPLACED.contains(label.getName()));
            for (Criterion c : criteria) {
                test.getLabels().add(new Label().setName("epic").setValue(c.groupId() + " " + c.groupTitle()));
                test.getLabels().add(new Label().setName("feature").setValue(c.label()));
            }
            test.getLabels().add(new Label().setName("story").setValue(scenarioName));
        });
    }
}
