package org.faithbot.verification.steps;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.Criterion;

import java.util.List;

/** Files every scenario in the Allure report under its user story (epic) and its criteria (feature). */
public class Hooks {

    private static final CriteriaCatalogue CATALOGUE = CriteriaCatalogue.load();

    private final ScenarioContext context;

    public Hooks(ScenarioContext context) {
        this.context = context;
    }

    @Before(order = 0)
    public void fileUnderCriteria(Scenario scenario) {
        context.scenarioName(scenario.getName());
        List<Criterion> criteria = scenario.getSourceTagNames().stream()
                .map(CATALOGUE::find).flatMap(java.util.Optional::stream).toList();
        Allure.getLifecycle().updateTestCase(test -> {
            test.getLabels().removeIf(l -> l.getName().equals("epic") || l.getName().equals("feature") || l.getName().equals("story"));
            for (Criterion c : criteria) {
                test.getLabels().add(new Label().setName("epic").setValue(c.groupId() + " " + c.groupTitle()));
                test.getLabels().add(new Label().setName("feature").setValue(c.label()));
            }
            test.getLabels().add(new Label().setName("story").setValue(scenario.getName()));
            test.getLabels().add(new Label().setName("target").setValue(context.target().name()));
        });
    }
}
