package org.faithbot.verification.deployment.staging;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.faithbot.verification.deployment.Release;
import org.faithbot.verification.deployment.Strategy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staging deployment driver against stubs of the ECS and CodeDeploy APIs (JSON 1.1, X-Amz-Target):
 * a rolling update goes out with the circuit breaker and its rollback on, the circuit breaker's
 * rollback is followed to its end, and a CodeDeploy deployment that the harness's gate fails is
 * stopped with automatic rollback and followed until the rollback deployment succeeded.
 */
class AwsDeploymentsTest {

    private static final String OLD = "arn:aws:ecs:eu-central-1:123456789012:task-definition/chatbot-staging-service:7";
    private static final String NEW = "arn:aws:ecs:eu-central-1:123456789012:task-definition/chatbot-staging-service:8";
    private static final String TASK_DEFINITION = """
            {"taskDefinition": {"taskDefinitionArn": "%s", "family": "chatbot-staging-service", "networkMode": "awsvpc",
              "cpu": "1024", "memory": "2048", "requiresCompatibilities": ["FARGATE"],
              "containerDefinitions": [{"name": "chatbot", "image": "repo/chatbot:1.4.2", "essential": true,
                "environment": [{"name": "APP_ENVIRONMENT", "value": "staging"}, {"name": "CHATBOT_RELEASE_LABEL", "value": "1.4.2"}]},
                {"name": "sidecar", "image": "repo/otel:1"}]}}""".formatted(OLD);

    private final WireMockServer aws = new WireMockServer(options().dynamicPort());
    private EcsClient ecs;
    private CodeDeployClient codeDeploy;
    private AwsDeployments deployments;

    @BeforeEach
    void start() {
        aws.start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("stub", "stub"));
        ecs = EcsClient.builder().endpointOverride(URI.create(aws.baseUrl())).region(Region.EU_CENTRAL_1).credentialsProvider(credentials).build();
        codeDeploy = CodeDeployClient.builder().endpointOverride(URI.create(aws.baseUrl())).region(Region.EU_CENTRAL_1)
                .credentialsProvider(credentials).build();
        StagingDeploymentSettings settings = new StagingDeploymentSettings(Region.EU_CENTRAL_1, "chatbot-staging-cluster", "chatbot-staging-service",
                "chatbot", 8080, "chatbot-staging-app", "chatbot-staging-dg", "chatbot-staging-rolling", Duration.ofMillis(5), Duration.ofSeconds(10));
        deployments = new AwsDeployments(ecs, codeDeploy, settings);
        stub(ecsCall("DescribeTaskDefinition"), TASK_DEFINITION);
        stub(ecsCall("RegisterTaskDefinition"), "{\"taskDefinition\": {\"taskDefinitionArn\": \"" + NEW + "\"}}");
    }

    @AfterEach
    void stop() {
        ecs.close();
        codeDeploy.close();
        aws.stop();
    }

    private static MappingBuilder ecsCall(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113." + operation));
    }

    private static MappingBuilder codeDeployCall(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("CodeDeploy_20141006." + operation));
    }

    private void stub(MappingBuilder call, String body) {
        aws.stubFor(call.willReturn(json(body)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body);
    }

    /** A service with its deployments: each {id, status, task definition, rollout state}. */
    private static String service(String taskDefinition, String... deployments) {
        StringBuilder list = new StringBuilder();
        for (String deployment : deployments) {
            String[] d = deployment.split(" ");
            list.append(list.isEmpty() ? "" : ", ").append("""
                    {"id": "%s", "status": "%s", "taskDefinition": "%s", "rolloutState": "%s", "rolloutStateReason": "%s", "desiredCount": 2, "runningCount": 2}"""
                    .formatted(d[0], d[1], d[2].equals("new") ? NEW : OLD, d[3], d[3].equals("FAILED")
                            ? "ECS deployment circuit breaker: tasks failed to start." : ""));
        }
        return """
                {"services": [{"serviceName": "chatbot-staging-rolling", "taskDefinition": "%s", "desiredCount": 2, "runningCount": 2,
                  "deploymentConfiguration": {"maximumPercent": 200, "minimumHealthyPercent": 100},
                  "deployments": [%s]}]}""".formatted(taskDefinition, list);
    }

    @Test
    void aRollingUpdateGoesOutWithTheCircuitBreakerAndItsRollbackOn() {
        aws.stubFor(ecsCall("DescribeServices").inScenario("rolling").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(service(OLD, "ecs-svc/1 PRIMARY old COMPLETED"))));
        aws.stubFor(ecsCall("UpdateService").inScenario("rolling").willSetStateTo("deploying")
                .willReturn(json("{\"service\": " + service(NEW, "ecs-svc/2 PRIMARY new IN_PROGRESS", "ecs-svc/1 ACTIVE old COMPLETED")
                        .replaceFirst("^\\{\"services\": \\[", "").replaceFirst("]}$", "") + "}")));
        aws.stubFor(ecsCall("DescribeServices").inScenario("rolling").whenScenarioStateIs("deploying")
                .willReturn(json(service(NEW, "ecs-svc/2 PRIMARY new IN_PROGRESS", "ecs-svc/1 ACTIVE old COMPLETED"))).willSetStateTo("done"));
        aws.stubFor(ecsCall("DescribeServices").inScenario("rolling").whenScenarioStateIs("done")
                .willReturn(json(service(NEW, "ecs-svc/2 PRIMARY new COMPLETED"))));

        AwsDeploymentOutcome outcome = deployments.rolling(Release.good("2.5.0"), AwsDeployments.LiveGate.NEVER);

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(AwsDeploymentOutcome.Result.COMPLETED);
        assertThat(outcome.deploymentId()).isEqualTo("ecs-svc/2");
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.UpdateService"))
                .withRequestBody(matchingJsonPath("$.taskDefinition", equalTo(NEW)))
                .withRequestBody(matchingJsonPath("$.forceNewDeployment", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.deploymentConfiguration.deploymentCircuitBreaker.enable", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.deploymentConfiguration.deploymentCircuitBreaker.rollback", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.deploymentConfiguration.maximumPercent", equalTo("200"))));
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition"))
                .withRequestBody(matchingJsonPath("$.containerDefinitions[0].environment[?(@.name == 'CHATBOT_RELEASE_LABEL')].value", equalTo("2.5.0")))
                .withRequestBody(matchingJsonPath("$.containerDefinitions[0].environment[?(@.name == 'APP_ENVIRONMENT')].value", equalTo("staging")))
                .withRequestBody(matchingJsonPath("$.containerDefinitions[1].name", equalTo("sidecar"))));
    }

    @Test
    void theCircuitBreakersRollbackOfAnUnreadyReleaseIsFollowedUntilThePreviousReleaseServesAlone() {
        aws.stubFor(ecsCall("DescribeServices").inScenario("breaker").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json(service(OLD, "ecs-svc/1 PRIMARY old COMPLETED"))));
        aws.stubFor(ecsCall("UpdateService").inScenario("breaker").willSetStateTo("deploying").willReturn(json("{\"service\": {}}")));
        aws.stubFor(ecsCall("DescribeServices").inScenario("breaker").whenScenarioStateIs("deploying")
                .willReturn(json(service(NEW, "ecs-svc/2 PRIMARY new IN_PROGRESS", "ecs-svc/1 ACTIVE old COMPLETED"))).willSetStateTo("failed"));
        aws.stubFor(ecsCall("DescribeServices").inScenario("breaker").whenScenarioStateIs("failed")
                .willReturn(json(service(NEW, "ecs-svc/2 PRIMARY new FAILED", "ecs-svc/1 ACTIVE old COMPLETED"))).willSetStateTo("rolling back"));
        aws.stubFor(ecsCall("DescribeServices").inScenario("breaker").whenScenarioStateIs("rolling back")
                .willReturn(json(service(OLD, "ecs-svc/3 PRIMARY old IN_PROGRESS", "ecs-svc/2 ACTIVE new FAILED"))).willSetStateTo("rolled back"));
        aws.stubFor(ecsCall("DescribeServices").inScenario("breaker").whenScenarioStateIs("rolled back")
                .willReturn(json(service(OLD, "ecs-svc/3 PRIMARY old COMPLETED"))));

        AwsDeploymentOutcome outcome = deployments.rolling(Release.readinessDown("2.4.0-unready"), AwsDeployments.LiveGate.NEVER);

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(AwsDeploymentOutcome.Result.ROLLED_BACK);
        assertThat(outcome.detectedBy()).isEqualTo("ECS deployment circuit breaker");
        assertThat(outcome.reason()).contains("circuit breaker");
        assertThat(outcome.rollbackId()).isEqualTo("ecs-svc/3");
        assertThat(outcome.rollbackTime()).isNotNull();
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition"))
                .withRequestBody(matchingJsonPath("$.containerDefinitions[0].environment[?(@.name == 'CHATBOT_RELEASE_FAULT_READINESSDOWN')].value",
                        equalTo("true"))));
    }

    private void codeDeployService() {
        stub(ecsCall("DescribeServices"), """
                {"services": [{"serviceName": "chatbot-staging-service", "taskDefinition": "%s", "deploymentController": {"type": "CODE_DEPLOY"},
                  "taskSets": [{"id": "ecs-svc/blue", "status": "PRIMARY", "taskDefinition": "%s"}]}]}""".formatted(OLD, OLD));
        stub(codeDeployCall("CreateDeployment"), "{\"deploymentId\": \"d-DRILL1\"}");
    }

    @Test
    void aBlueGreenDeploymentTheGateFailsIsStoppedWithAutomaticRollbackAndFollowedToItsEnd() {
        codeDeployService();
        aws.stubFor(codeDeployCall("GetDeployment").withRequestBody(matchingJsonPath("$.deploymentId", equalTo("d-DRILL1")))
                .inScenario("blue-green").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(json("{\"deploymentInfo\": {\"deploymentId\": \"d-DRILL1\", \"status\": \"InProgress\"}}")));
        aws.stubFor(codeDeployCall("StopDeployment").inScenario("blue-green").willSetStateTo("stopped")
                .willReturn(json("{\"status\": \"Pending\", \"statusMessage\": \"Stopping\"}")));
        aws.stubFor(codeDeployCall("GetDeployment").withRequestBody(matchingJsonPath("$.deploymentId", equalTo("d-DRILL1")))
                .inScenario("blue-green").whenScenarioStateIs("stopped")
                .willReturn(json("""
                        {"deploymentInfo": {"deploymentId": "d-DRILL1", "status": "Stopped",
                          "rollbackInfo": {"rollbackDeploymentId": "d-ROLLBACK", "rollbackMessage": "Rolled back by d-ROLLBACK"}}}""")));
        aws.stubFor(codeDeployCall("GetDeployment").withRequestBody(matchingJsonPath("$.deploymentId", equalTo("d-ROLLBACK")))
                .inScenario("rollback").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(json("{\"deploymentInfo\": {\"deploymentId\": \"d-ROLLBACK\", \"status\": \"InProgress\"}}")));
        aws.stubFor(codeDeployCall("GetDeployment").withRequestBody(matchingJsonPath("$.deploymentId", equalTo("d-ROLLBACK")))
                .inScenario("rollback").whenScenarioStateIs("done")
                .willReturn(json("{\"deploymentInfo\": {\"deploymentId\": \"d-ROLLBACK\", \"status\": \"Succeeded\"}}")));
        AtomicInteger looks = new AtomicInteger();
        AwsDeployments.LiveGate gate = () -> looks.incrementAndGet() >= 2 ? Optional.of("error rate 28 % over the last 10 s") : Optional.empty();

        AwsDeploymentOutcome outcome = deployments.codeDeploy(Strategy.BLUE_GREEN, Release.failingChats("2.2.0-bad", 0.3), gate);

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(AwsDeploymentOutcome.Result.ROLLED_BACK);
        assertThat(outcome.detectedBy()).isEqualTo("harness gate");
        assertThat(outcome.rollbackId()).isEqualTo("d-ROLLBACK");
        assertThat(outcome.rollbackTime()).isNotNull();
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("CodeDeploy_20141006.CreateDeployment"))
                .withRequestBody(matchingJsonPath("$.applicationName", equalTo("chatbot-staging-app")))
                .withRequestBody(matchingJsonPath("$.deploymentGroupName", equalTo("chatbot-staging-dg")))
                .withRequestBody(matchingJsonPath("$.deploymentConfigName", equalTo(AwsDeployments.BLUE_GREEN_CONFIG)))
                .withRequestBody(matchingJsonPath("$.revision.revisionType", equalTo("AppSpecContent")))
                .withRequestBody(matchingJsonPath("$.revision.appSpecContent.content", com.github.tomakehurst.wiremock.client.WireMock.containing(NEW)))
                .withRequestBody(matchingJsonPath("$.autoRollbackConfiguration.enabled", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.autoRollbackConfiguration.events[2]", equalTo("DEPLOYMENT_STOP_ON_REQUEST"))));
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("CodeDeploy_20141006.StopDeployment"))
                .withRequestBody(matchingJsonPath("$.deploymentId", equalTo("d-DRILL1")))
                .withRequestBody(matchingJsonPath("$.autoRollbackEnabled", equalTo("true"))));
    }

    @Test
    void aCanaryGoesOutWithTheTenPercentConfigurationAndCompletes() {
        codeDeployService();
        aws.stubFor(codeDeployCall("GetDeployment").inScenario("canary").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("done")
                .willReturn(json("{\"deploymentInfo\": {\"deploymentId\": \"d-DRILL1\", \"status\": \"InProgress\"}}")));
        aws.stubFor(codeDeployCall("GetDeployment").inScenario("canary").whenScenarioStateIs("done")
                .willReturn(json("{\"deploymentInfo\": {\"deploymentId\": \"d-DRILL1\", \"status\": \"Succeeded\"}}")));

        AwsDeploymentOutcome outcome = deployments.codeDeploy(Strategy.CANARY, Release.good("2.5.0"), AwsDeployments.LiveGate.NEVER);

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(AwsDeploymentOutcome.Result.COMPLETED);
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("CodeDeploy_20141006.CreateDeployment"))
                .withRequestBody(matchingJsonPath("$.deploymentConfigName", equalTo(AwsDeployments.CANARY_CONFIG))));
        aws.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("CodeDeploy_20141006.StopDeployment")));
    }

    @Test
    void aDeploymentCodeDeployFailsByItselfIsFollowedThroughItsAutomaticRollback() {
        codeDeployService();
        aws.stubFor(codeDeployCall("GetDeployment").withRequestBody(matchingJsonPath("$.deploymentId", equalTo("d-DRILL1")))
                .willReturn(json("""
                        {"deploymentInfo": {"deploymentId": "d-DRILL1", "status": "Failed",
                          "errorInformation": {"code": "ECS_UPDATE_ERROR", "message": "The ECS replacement task set is not healthy"},
                          "rollbackInfo": {"rollbackDeploymentId": "d-ROLLBACK"}}}""")));
        aws.stubFor(codeDeployCall("GetDeployment").withRequestBody(matchingJsonPath("$.deploymentId", equalTo("d-ROLLBACK")))
                .willReturn(json("{\"deploymentInfo\": {\"deploymentId\": \"d-ROLLBACK\", \"status\": \"Succeeded\"}}")));

        AwsDeploymentOutcome outcome = deployments.codeDeploy(Strategy.BLUE_GREEN, Release.readinessDown("2.4.0-unready"), AwsDeployments.LiveGate.NEVER);

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(AwsDeploymentOutcome.Result.ROLLED_BACK);
        assertThat(outcome.detectedBy()).isEqualTo("CodeDeploy");
        assertThat(outcome.reason()).contains("not healthy");
    }
}
