package org.faithbot.verification.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.assertj.core.api.WithAssertions;
import org.faithbot.verification.deployment.DeploymentDrill;
import org.faithbot.verification.deployment.DrillFigure;
import org.faithbot.verification.deployment.NewInstance;
import org.faithbot.verification.deployment.Release;
import org.faithbot.verification.deployment.Strategy;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.load.LoadRun;

import java.time.Duration;
import java.util.List;

/**
 * Steps of the deployment drills: releases deployed blue-green, as a canary or rolling by the
 * harness's deployment controller (HAProxy's runtime API and the local target's instances), under a
 * Gatling load with the steady-state probe beside it; bad releases stopped by the gates and rolled
 * back; every figure recorded as evidence under the criteria the scenario carries. The drill itself is
 * {@link DeploymentDrill}'s; the outcomes of a bad release are {@link DeploymentRollbackSteps}, the staging drills'
 * steps {@link AwsDeploymentSteps}.
 */
public class DeploymentSteps implements WithAssertions {

    private final ScenarioContext context;
    private final DeploymentDrillContext drills;

    public DeploymentSteps(ScenarioContext context, DeploymentDrillContext drills) {
        this.context = context;
        this.drills = drills;
    }

    private DeploymentDrill drill() {
        return drills.local();
    }

    @After("@deployment or @deployment-staging")
    public void stopScenarioTraffic() {
        drills.end();
    }

    // ------------------------------------------------------------------ releases and load

    @Given("the releases of the drills below are started side by side, ahead of their drills and of the load:")
    public void releasesStartedSideBySide(DataTable table) {
        Allure.addAttachment("releases started ahead", "text/plain", drill().startAhead(table.asMaps()));
    }

    @Given("the expected load of {int} members \\(in the main job; {int} in the tests) is using the chatbot through the balancer, with the steady-state probe recording every request")
    public void membersUsingTheChatbot(int expected, int inTheTests) {
        drills.traffic().expectedLoad(expected, inTheTests, context.run().loads());
    }

    @Given("members keep using the chatbot under the drills' background load of {int} members, with the steady-state probe recording every request")
    public void membersKeepUsingTheChatbot(int users) {
        drills.traffic().backgroundLoad(users);
    }

    // ------------------------------------------------------------------ deployments

    @When("the good release {string} is deployed blue-green onto instances {string} and {string}")
    public void goodReleaseBlueGreen(String label, String first, String second) {
        deploy(Strategy.BLUE_GREEN, Release.good(label), List.of(first, second), DeploymentDrill.BLUE_GREEN_BEFORE_WINDOW);
    }

    @When("the bad release {string}, which fails {int} % of chat requests, is deployed as a canary on instance {string} in steps of {int}, {int} and {int} %")
    public void badReleaseCanary(String label, int percent, String name, int first, int second, int third) {
        assertThat(drill().canarySteps()).as("the controller's canary steps").isEqualTo(List.of(first, second, third));
        deploy(Strategy.CANARY, Release.failingChats(label, percent / 100.0), List.of(name), DeploymentDrill.BEFORE_WINDOW);
    }

    @When("the bad release {string}, which fails {int} % of chat requests, is rolled out one instance at a time onto instances {string} and {string}")
    public void badReleaseRolling(String label, int percent, String first, String second) {
        deploy(Strategy.ROLLING, Release.failingChats(label, percent / 100.0), List.of(first, second), DeploymentDrill.BEFORE_WINDOW);
    }

    @When("the bad release {string}, whose readiness never comes up, is deployed blue-green onto instances {string} and {string}")
    public void badReleaseBlueGreen(String label, String first, String second) {
        deploy(Strategy.BLUE_GREEN, Release.readinessDown(label), List.of(first, second), DeploymentDrill.BEFORE_WINDOW);
    }

    @When("the good release {string} is rolled out one instance at a time onto instances {string} and {string}")
    public void goodReleaseRolling(String label, String first, String second) {
        List<String> names = drill().rollingOnto(List.of(first, second), note -> Allure.addAttachment("instance names", "text/plain", note));
        deploy(Strategy.ROLLING, Release.good(label), names, DeploymentDrill.BEFORE_WINDOW);
    }

    private void deploy(Strategy strategy, Release release, List<String> names, Duration before) {
        for (NewInstance instance : drill().take(release, names)) {
            assertThat(instance.release()).as("release of %s, started ahead", instance.name()).isEqualTo(release);
        }
        Allure.addAttachment(strategy.label() + " deployment of " + release.label(), "text/plain", drill().deploy(strategy, before).describe());
    }

    // ------------------------------------------------------------------ outcomes of a good release

    @Then("the deployment completed: every server in rotation runs release {string} and the previous release's instances are retired")
    public void deploymentCompleted(String label) {
        DeploymentDrill.Completion completion = drill().completion();
        List<Evidence> evidence = drills.record(completion.figures());
        assertThat(drill().outcome().completed()).as(drill().outcome().describe()).isTrue();
        assertThat(completion.labels()).as("releases of the instances in rotation %s", completion.serving()).isNotEmpty().containsOnly(label);
        assertThat(completion.stillRunning()).as("instances of the previous release still running").isEmpty();
        EvidenceRecorder.requireMet(evidence);
    }

    @Then("no request failed during the deployment, by the balancer's count and by the probe's")
    public void noRequestFailed() {
        DeploymentDrill.DuringTheDrill during = drill().failedRequestsDuring();
        List<Evidence> evidence = drills.record(during.figures());
        assertThat(during.balancer().responses()).as("requests the balancer answered during the deployment").isPositive();
        assertThat(during.probeRequests()).as("requests the probe sent during the deployment").isPositive();
        EvidenceRecorder.requireMet(evidence);
    }

    @Then("the deployment took less than {int} minutes")
    public void deploymentTook(int minutes) {
        EvidenceRecorder.requireMet(drills.record(drill().deploymentTime(minutes)));
    }

    @Then("at every moment at least {int} servers were in rotation")
    public void capacityKept(int servers) {
        EvidenceRecorder.requireMet(drills.record(drill().capacity(servers)));
    }

    @Then("the post-deployment validation passed: health, smoke journeys, no failed request, and no p95 regression against the baseline before the deployment")
    public void postDeploymentValidation() {
        validated(drill().validateNewRelease());
    }

    @Then("the validation after the rollback passed: health, smoke journeys answered by the previous release, no failed request, and no p95 regression")
    public void validationAfterRollback() {
        validated(drill().validatePreviousRelease());
    }

    private void validated(DeploymentDrill.Validation validation) {
        Allure.addAttachment("post-deployment validation", "text/plain", validation.result().describe());
        List<Evidence> evidence = drills.record(validation.figures());
        assertThat(validation.result().passed()).as(validation.result().describe()).isTrue();
        EvidenceRecorder.requireMet(evidence);
    }

    @When("the load ends")
    public void loadEnds() {
        drills.traffic().endLoad();
    }

    @Then("Gatling counted no failed request over its whole run")
    public void gatlingCountedNoFailure() {
        LoadRun load = drills.traffic().finishedLoad();
        Allure.addAttachment("Gatling run", "text/plain", load.stats().summary() + "\nreport: " + load.reportDirectory());
        assertThat(load.stats().global().total()).as("requests Gatling sent").isPositive();
        EvidenceRecorder.requireMet(drills.record(drill().loadFailures()));
    }

    // ------------------------------------------------------------------ the end of the drills

    @When("the drills' background load ends")
    public void drillsLoadEnds() {
        drills.traffic().endDrillsLoad();
    }

    @Then("Gatling's failed requests over the drills are reported, and they are no more than the failed requests the balancer counted for the bad releases")
    public void gatlingFailuresOverTheDrills() {
        List<DrillFigure> figures = drill().failuresOverTheDrills();
        LoadRun load = drills.traffic().finishedLoad();
        Allure.addAttachment("Gatling run across the drills", "text/plain", load.stats().summary() + "\nreport: " + load.reportDirectory());
        EvidenceRecorder.requireMet(drills.record(figures));
    }

    @Then("the local target is handed back with instances {string} and {string} in rotation")
    public void handedBack(String first, String second) {
        List<String> home = List.of(first, second);
        drill().handBack(home);
        assertThat(drill().inRotation()).as("instances in rotation").containsExactlyInAnyOrderElementsOf(home);
        assertThat(context.run().local().instances()).extracting(i -> i.name()).containsExactlyInAnyOrderElementsOf(home);
    }
}
