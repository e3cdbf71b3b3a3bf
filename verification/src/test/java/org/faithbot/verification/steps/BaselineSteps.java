package org.faithbot.verification.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.assertj.core.api.Assertions;
import org.faithbot.verification.load.BaselineComparison;
import org.faithbot.verification.load.PerformanceBaselines;
import org.faithbot.verification.load.LoadProfile;
import org.faithbot.verification.load.StandardLoads;
import org.faithbot.verification.target.Targets;
import org.opentest4j.TestAbortedException;

/**
 * Steps of the performance baseline spec: this run's figures compared with the committed baseline of its host's
 * speed ({@link BaselineComparison}); a run on a host no baseline admits is skipped, never passed.
 */
public class BaselineSteps {

    private final ScenarioContext context;
    private PerformanceBaselines baselines;
    private BaselineComparison comparison;

    public BaselineSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("the performance baseline committed in the repository")
    public void theCommittedBaseline() {
        if (!LoadProfile.current().comparableWithTheBaselines()) {
            throw new TestAbortedException("the committed baselines were measured by the main job (profile launch), whose loads last longer"
                    + " than the tests' (profile " + LoadProfile.current().name() + "): only the main job's figures are compared with them");
        }
        baselines = PerformanceBaselines.read(Targets.projectRoot());
        Allure.addAttachment("performance baselines", "text/plain", BaselineComparison.describe(baselines));
    }

    @When("this run's figures are compared with it")
    public void compareWithBaseline() {
        comparison = new BaselineComparison(baselines, StandardLoads.baselineFigures(context.run().loads()));
        comparison.rebaselineIfAsked(context.target().name(), Targets.projectRoot());
    }

    @Then("no figure regressed beyond its tolerance")
    public void noRegression() {
        BaselineComparison.Outcome outcome = comparison.judge(figure -> context.evidence().record("performance.baseline", figure));
        Assertions.assertThat(outcome.regressions()).as("figures past their baseline tolerance").isEmpty();
        if (outcome.notComparable().isPresent()) {
            throw new TestAbortedException(outcome.notComparable().get());
        }
    }
}
