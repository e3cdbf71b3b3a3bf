package org.faithbot.verification.steps;

import io.cucumber.java.AfterAll;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.faithbot.verification.run.VerificationRun;
import org.faithbot.verification.target.Targets;

/**
 * The run's one lifecycle, as Cucumber sees it: before a scenario that opens another feature, whatever the
 * previous feature left (a game day, the deployment drills' load and their changes to the target, the recovery
 * drills' site) is ended, so that no feature depends on the order features run in; at the end of a run of the
 * specs, the same. Each scenario gets its name and evidence recorder.
 */
public class Hooks {

    private final ScenarioContext context;

    public Hooks(ScenarioContext context) {
        this.context = context;
    }

    @Before(order = 0)
    public void beginScenario(Scenario scenario) {
        Targets.refusal(context.run().targetName(), scenario.getSourceTagNames()).ifPresent(why -> {
            throw new IllegalStateException(scenario.getName() + ": " + why);
        });
        context.run().beforeFeature(scenario.getUri());
        context.begin(scenario);
    }

    @AfterAll
    public static void endOfTheSpecs() {
        VerificationRun.current().endFeatures();
    }
}
