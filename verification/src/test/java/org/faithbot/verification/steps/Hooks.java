package org.faithbot.verification.steps;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;

/** Gives the steps the name of the scenario they run in (evidence records carry it). */
public class Hooks {

    private final ScenarioContext context;

    public Hooks(ScenarioContext context) {
        this.context = context;
    }

    @Before(order = 0)
    public void rememberScenario(Scenario scenario) {
        context.scenarioName(scenario.getName());
    }
}
