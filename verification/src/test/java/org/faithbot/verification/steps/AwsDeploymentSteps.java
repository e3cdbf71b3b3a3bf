package org.faithbot.verification.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.assertj.core.api.WithAssertions;
import org.faithbot.verification.deployment.Release;
import org.faithbot.verification.deployment.Strategy;
import org.faithbot.verification.deployment.staging.AwsDeploymentDrill;
import org.faithbot.verification.deployment.staging.AwsDeploymentOutcome;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.opentest4j.TestAbortedException;

import java.util.List;

/**
 * Steps of the deployment drills on staging: CodeDeploy blue-green and canary, ECS rolling with its circuit
 * breaker, through the AWS SDK, under the drills' load with the probe beside it (whose steps are
 * {@link DeploymentSteps}'); the drill itself is {@link AwsDeploymentDrill}'s.
 */
public class AwsDeploymentSteps implements WithAssertions {

    private final DeploymentDrillContext drills;

    public AwsDeploymentSteps(DeploymentDrillContext drills) {
        this.drills = drills;
    }

    private AwsDeploymentDrill drill() {
        return drills.staging();
    }

    @When("the good release {string} is deployed through CodeDeploy blue-green")
    public void goodReleaseThroughCodeDeploy(String label) {
        deploy(Strategy.BLUE_GREEN, Release.good(label));
    }

    @When("the bad release {string}, which fails {int} % of chat requests, is deployed through CodeDeploy as a canary")
    public void badReleaseThroughCodeDeployCanary(String label, int percent) {
        deploy(Strategy.CANARY, Release.failingChats(label, percent / 100.0));
    }

    @When("the bad release {string}, whose readiness never comes up, is rolled out by ECS with the deployment circuit breaker")
    public void badReleaseThroughEcs(String label) {
        if (!drill().hasRollingService()) {
            throw new TestAbortedException("staging deploys through CodeDeploy; no ECS service on the ECS deployment controller is configured "
                    + "(staging.ecs-rolling-service / STAGING_ECS_ROLLING_SERVICE): the rolling drill cannot run here");
        }
        deploy(Strategy.ROLLING, Release.readinessDown(label));
    }

    private void deploy(Strategy strategy, Release release) {
        AwsDeploymentOutcome outcome = drill().deploy(strategy, release);
        Allure.addAttachment(strategy.label() + " deployment of " + release.label() + " on AWS", "text/plain", outcome.describe());
    }

    @Then("the AWS deployment completed")
    public void awsDeploymentCompleted() {
        List<Evidence> evidence = drills.record(drill().completed());
        assertThat(drill().outcome().completed()).as(drill().outcome().describe()).isTrue();
        EvidenceRecorder.requireMet(evidence);
    }

    @Then("no request failed during the AWS deployment, by the probe's count")
    public void noRequestFailedOnAws() {
        EvidenceRecorder.requireMet(drills.record(drill().failedRequests()));
    }

    @Then("the AWS deployment took less than {int} minutes")
    public void awsDeploymentTook(int minutes) {
        EvidenceRecorder.requireMet(drills.record(drill().deploymentTime(minutes)));
    }

    @Then("the AWS deployment was stopped and rolled back automatically within {int} minutes of the detection")
    public void awsRolledBack(int minutes) {
        List<Evidence> evidence = drills.record(drill().rollback(minutes));
        assertThat(drill().outcome().rolledBack()).as(drill().outcome().describe()).isTrue();
        EvidenceRecorder.requireMet(evidence);
    }

    @Then("the failed requests the bad release caused on AWS are reported")
    public void awsFailedRequests() {
        EvidenceRecorder.requireMet(drills.record(drill().badReleaseFailures()));
    }
}
