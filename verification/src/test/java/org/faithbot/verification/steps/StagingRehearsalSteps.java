package org.faithbot.verification.steps;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.deployment.Release;
import org.faithbot.verification.deployment.Strategy;
import org.faithbot.verification.deployment.staging.AwsDeploymentOutcome;
import org.faithbot.verification.deployment.staging.AwsDeployments;
import org.faithbot.verification.deployment.staging.EmulatedAws;
import org.faithbot.verification.deployment.staging.StagingRehearsal;
import org.faithbot.verification.evidence.Comparator;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.local.LocalMoto;
import org.opentest4j.TestAbortedException;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staging deployment driver rehearsed against moto ({@link StagingRehearsal}): its evidence is of the emulator's
 * level, named "moto 5.2.1 with named stubs", and the calls the stubs answered are listed in
 * reports/staging-rehearsal/stubbed-calls.txt and attached to the scenario.
 */
public class StagingRehearsalSteps {

    private static final String BAD = "30 % of chat requests failed (the rehearsal's gate fails every bad release)";

    private final ScenarioContext context;
    private StagingRehearsal rehearsal;
    private Path reports;
    private StagingRehearsal.Case rollingGood;
    private StagingRehearsal.Case rollingBad;
    private StagingRehearsal.Case blueGreen;
    private StagingRehearsal.Case canary;

    public StagingRehearsalSteps(ScenarioContext context) {
        this.context = context;
    }

    private EvidenceRecorder evidence() {
        return context.evidence().onEmulator(StagingRehearsal.EMULATOR);
    }

    @Given("moto's server stands in for AWS, its calls that moto does not emulate answered by named stubs")
    public void motoStandsInForAws() throws IOException {
        if (!LocalMoto.isInstalled()) {
            throw new TestAbortedException("moto_server is not installed (pip install 'moto[server]==5.2.1'): the staging driver's rehearsal "
                    + "is SKIPPED, not passed");
        }
        reports = Files.createDirectories(context.run().projectRoot().resolve("reports/staging-rehearsal"));
        rehearsal = StagingRehearsal.start(reports);
    }

    @When("the staging deployment driver, unchanged, rolls out a good and a bad release through ECS, and deploys a good release blue-green and a bad one as a canary through CodeDeploy, the live gate failing the bad ones")
    public void theDriverDeploys() throws IOException, InterruptedException {
        rollingGood = rehearsal.rolling(Release.good("2.5.0"), AwsDeployments.LiveGate.NEVER);
        rollingBad = rehearsal.rolling(Release.failingChats("2.3.0-bad", 0.3), () -> Optional.of(BAD));
        blueGreen = rehearsal.codeDeploy(Strategy.BLUE_GREEN, Release.good("2.1.0"), AwsDeployments.LiveGate.NEVER);
        AtomicInteger looks = new AtomicInteger();
        canary = rehearsal.codeDeploy(Strategy.CANARY, Release.failingChats("2.2.0-bad", 0.3),
                () -> looks.incrementAndGet() == 1 ? Optional.of(BAD) : Optional.empty());
        Allure.addAttachment("the driver's timelines", "text/plain", String.join("\n\n", List.of(rollingGood, rollingBad, blueGreen, canary).stream()
                .map(c -> c.outcome().describe() + "\n" + String.join("\n", c.outcome().timeline())).toList()), ".txt");
    }

    @Then("each good release went live in moto: a revision of the Terraform's task definition that keeps all of it but the release's variables, the service on it, and for CodeDeploy a deployment in the Terraform's application and group whose AppSpec names it")
    public void eachGoodReleaseWentLive() {
        long completed = List.of(rollingGood, blueGreen).stream().filter(c -> c.outcome().result() == AwsDeploymentOutcome.Result.COMPLETED).count();
        evidence().record("deployment.staging.success-rate", Figure.of("good releases the staging driver completed against moto (rolling through "
                        + "ECS, blue-green through CodeDeploy)", completed, "of 2 releases").judged(Comparator.AT_LEAST, 2.0)
                .when(conditions()));
        assertThat(rollingGood.outcome().result()).as(rollingGood.outcome().describe()).isEqualTo(AwsDeploymentOutcome.Result.COMPLETED);
        assertThat(blueGreen.outcome().result()).as(blueGreen.outcome().describe()).isEqualTo(AwsDeploymentOutcome.Result.COMPLETED);

        assertThat(rollingGood.release().taskDefinitionArn()).as("a new revision of the Terraform's family")
                .endsWith("task-definition/" + StagingRehearsal.SERVICE + ":2");
        assertThat(rollingGood.service().taskDefinition()).as("moto's ECS service runs the release")
                .isEqualTo(rollingGood.release().taskDefinitionArn());
        assertThat(rollingGood.service().deploymentConfiguration().deploymentCircuitBreaker().rollback())
                .as("the circuit breaker's rollback on").isTrue();
        for (StagingRehearsal.Case good : List.of(rollingGood, blueGreen)) {
            TaskDefinition before = good.previous();
            TaskDefinition after = good.release();
            String label = good.outcome().release().label();
            assertThat(List.of(after.cpu(), after.memory())).as(label).isEqualTo(List.of(before.cpu(), before.memory()));
            assertThat(after.volumes()).as(label).isEqualTo(before.volumes());
            assertThat(after.containerDefinitions()).as(label).extracting(ContainerDefinition::name)
                    .containsExactly(StagingRehearsal.CONTAINER, "amazon-ssm-agent");
            assertThat(after.containerDefinitions().getFirst().environment()).as(label)
                    .contains(StagingRehearsal.env("CHATBOT_RELEASE_LABEL", label), StagingRehearsal.env("APP_ENVIRONMENT", "staging"))
                    .doesNotContain(StagingRehearsal.env("CHATBOT_RELEASE_LABEL", "1.4.2"));
            assertThat(withoutEnvironment(after.containerDefinitions().getFirst())).as(label + ": everything but the release's variables kept")
                    .isEqualTo(withoutEnvironment(before.containerDefinitions().getFirst()));
        }
        assertThat(blueGreen.deployments()).as("moto recorded the deployment in the Terraform's application and group")
                .containsExactly(blueGreen.outcome().deploymentId());
        assertThat(blueGreen.deployment().path("deploymentConfigName").asText()).isEqualTo(AwsDeployments.BLUE_GREEN_CONFIG);
        assertThat(blueGreen.deployment().path("revision").path("appSpecContent").path("content").asText())
                .as("the AppSpec names the release's revision, the container and its port")
                .contains(blueGreen.release().taskDefinitionArn()).contains("\"ContainerName\":\"" + StagingRehearsal.CONTAINER + "\"")
                .contains("\"ContainerPort\":" + StagingRehearsal.PORT);
    }

    @Then("each bad release was rolled back: the ECS service back on the previous revision, the canary stopped with its automatic rollback")
    public void eachBadReleaseWasRolledBack() {
        long rolledBack = List.of(rollingBad, canary).stream().filter(c -> c.outcome().result() == AwsDeploymentOutcome.Result.ROLLED_BACK).count();
        evidence().record("deployment.staging.stopped-automatically", Figure.of("bad releases the staging driver rolled back against moto when "
                + "the live gate failed them (rolling through ECS, canary through CodeDeploy)", rolledBack, "of 2 releases")
                .judged(Comparator.AT_LEAST, 2.0).when(conditions()));
        assertThat(rollingBad.outcome().result()).as(rollingBad.outcome().describe()).isEqualTo(AwsDeploymentOutcome.Result.ROLLED_BACK);
        assertThat(rollingBad.service().taskDefinition()).as("moto's ECS service back on the previous release")
                .isEqualTo(rollingBad.previous().taskDefinitionArn());
        assertThat(canary.outcome().result()).as(canary.outcome().describe()).isEqualTo(AwsDeploymentOutcome.Result.ROLLED_BACK);
        assertThat(canary.outcome().rollbackId()).as("the rollback deployment the stop started").isNotBlank();
        assertThat(canary.deployment().path("deploymentConfigName").asText()).isEqualTo(AwsDeployments.CANARY_CONFIG);
    }

    @Then("every call answered by a stub or with emulated state is listed")
    public void everyStubbedCallIsListed() throws IOException {
        Map<String, Map<String, Integer>> calls = rehearsal.aws().callsByHandler();
        String listed = rehearsal.aws().describeStubbed();
        Files.writeString(reports.resolve("stubbed-calls.txt"), listed);
        Allure.addAttachment("calls answered by stubs or with emulated state", "text/plain", listed, ".txt");
        int stubbed = calls.entrySet().stream().filter(e -> !EmulatedAws.MOTO.equals(e.getKey()))
                .mapToInt(e -> e.getValue().values().stream().mapToInt(Integer::intValue).sum()).sum();
        int all = calls.values().stream().mapToInt(m -> m.values().stream().mapToInt(Integer::intValue).sum()).sum();
        evidence().record("deployment.staging.success-rate", Figure.of("AWS calls of the rehearsal answered by a named stub or with emulated "
                + "state (the rest by moto alone)", stubbed, "of " + all + " calls").when(listed.strip().replace('\n', ';')));
        assertThat(calls).as("calls no handler answered").doesNotContainKey("unmatched");
        assertThat(calls.keySet()).as("the handlers that answered").containsExactlyInAnyOrder(EmulatedAws.MOTO, EmulatedAws.ROLLOUT,
                EmulatedAws.LIFECYCLE, EmulatedAws.STOP, EmulatedAws.ROLLBACK);
        assertThat(calls.get(EmulatedAws.STOP)).containsOnlyKeys("StopDeployment");
        assertThat(calls.get(EmulatedAws.MOTO)).as("moto itself answered the driver's writes")
                .containsKeys("RegisterTaskDefinition", "UpdateService", "CreateDeployment", "DescribeTaskDefinition");
    }

    @After("@deployment-staging-rehearsal")
    public void stopMoto() {
        if (rehearsal != null) {
            rehearsal.close();
        }
    }

    private String conditions() {
        return "the staging deployment driver against " + StagingRehearsal.EMULATOR + " on loopback; the Terraform's names (cluster "
                + StagingRehearsal.CLUSTER + ", service " + StagingRehearsal.SERVICE + ", CodeDeploy " + StagingRehearsal.APPLICATION + "/"
                + StagingRehearsal.GROUP + ", region " + StagingRehearsal.REGION.id() + "); no task starts and no traffic moves";
    }

    private static ContainerDefinition withoutEnvironment(ContainerDefinition definition) {
        return definition.toBuilder().environment(List.<KeyValuePair>of()).build();
    }
}
