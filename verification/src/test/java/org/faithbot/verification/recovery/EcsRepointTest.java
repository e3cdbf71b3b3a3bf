package org.faithbot.verification.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** Re-pointing the ECS service at restored tables, against a stub of the ECS API (JSON 1.1, X-Amz-Target). */
class EcsRepointTest {

    private static final String OLD = "arn:aws:ecs:eu-central-1:123456789012:task-definition/chatbot-staging-service:7";
    private static final String NEW = "arn:aws:ecs:eu-central-1:123456789012:task-definition/chatbot-staging-service:8";
    private static final String TASK_DEFINITION = """
            {"taskDefinition": {"taskDefinitionArn": "%s", "family": "chatbot-staging-service", "networkMode": "awsvpc",
              "cpu": "1024", "memory": "2048", "requiresCompatibilities": ["FARGATE"],
              "executionRoleArn": "arn:aws:iam::123456789012:role/exec", "taskRoleArn": "arn:aws:iam::123456789012:role/task",
              "containerDefinitions": [{"name": "chatbot", "image": "repo/chatbot:1.4.2", "essential": true,
                "environment": [{"name": "DYNAMODB_TABLE_PREFIX", "value": "chatbot-staging-"}, {"name": "APP_ENVIRONMENT", "value": "staging"}]},
                {"name": "sidecar", "image": "repo/otel:1"}]},
             "tags": [{"key": "Environment", "value": "staging"}]}""".formatted(OLD);

    private final WireMockServer aws = new WireMockServer(options().dynamicPort());
    private EcsClient ecs;

    @BeforeEach
    void start() {
        aws.start();
        ecs = EcsClient.builder().endpointOverride(URI.create(aws.baseUrl())).region(Region.EU_CENTRAL_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("stub", "stub"))).build();
        stub(ecsCall("DescribeTaskDefinition"), TASK_DEFINITION);
        stub(ecsCall("RegisterTaskDefinition"), "{\"taskDefinition\": {\"taskDefinitionArn\": \"" + NEW + "\"}}");
    }

    @AfterEach
    void stop() {
        ecs.close();
        aws.stop();
    }

    private static MappingBuilder ecsCall(String operation) {
        return post(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113." + operation));
    }

    private void stub(MappingBuilder call, String body) {
        aws.stubFor(call.willReturn(aResponse().withHeader("Content-Type", "application/x-amz-json-1.1").withBody(body)));
    }

    private static String service(String taskDefinition, String controller, int deployments) {
        return """
                {"services": [{"serviceName": "chatbot-staging-service", "taskDefinition": "%s", "deploymentController": {"type": "%s"},
                  "desiredCount": 2, "runningCount": 2, "loadBalancers": [{"containerName": "chatbot", "containerPort": 8080}],
                  "deployments": [%s]}]}""".formatted(taskDefinition, controller,
                deployments == 1 ? "{\"status\": \"PRIMARY\"}" : "{\"status\": \"PRIMARY\"}, {\"status\": \"ACTIVE\"}");
    }

    private EcsRepoint.Request request(Path codeDeployInput) {
        return new EcsRepoint.Request("chatbot-staging-cluster", "chatbot-staging-service", "chatbot", "DYNAMODB_TABLE_PREFIX",
                "chatbot-staging-r1-", "chatbot-staging-app", "chatbot-staging-dg", codeDeployInput, Duration.ofSeconds(5));
    }

    @Test
    void aRollingServiceGetsTheNewRevisionAndIsAwaitedUntilStable() {
        aws.stubFor(ecsCall("DescribeServices").inScenario("deploy").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withBody(service(OLD, "ECS", 1))));
        aws.stubFor(ecsCall("UpdateService").inScenario("deploy").willSetStateTo("deploying")
                .willReturn(aResponse().withBody("{\"service\": {}}")));
        aws.stubFor(ecsCall("DescribeServices").inScenario("deploy").whenScenarioStateIs("deploying")
                .willReturn(aResponse().withBody(service(NEW, "ECS", 2))).willSetStateTo("stable"));
        aws.stubFor(ecsCall("DescribeServices").inScenario("deploy").whenScenarioStateIs("stable")
                .willReturn(aResponse().withBody(service(NEW, "ECS", 1))));

        EcsRepoint.Result result = new EcsRepoint(ecs, Duration.ofMillis(10)).repoint(request(null));

        assertThat(result.deployed()).isTrue();
        assertThat(result.newTaskDefinition()).isEqualTo(NEW);
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition"))
                .withRequestBody(matchingJsonPath("$.family", equalTo("chatbot-staging-service")))
                .withRequestBody(matchingJsonPath("$.containerDefinitions[0].environment[?(@.name == 'DYNAMODB_TABLE_PREFIX')].value",
                        equalTo("chatbot-staging-r1-")))
                .withRequestBody(matchingJsonPath("$.containerDefinitions[0].environment[?(@.name == 'APP_ENVIRONMENT')].value", equalTo("staging")))
                .withRequestBody(matchingJsonPath("$.containerDefinitions[1].name", equalTo("sidecar")))
                .withRequestBody(matchingJsonPath("$.tags[0].key", equalTo("Environment"))));
        aws.verify(postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.UpdateService"))
                .withRequestBody(matchingJsonPath("$.taskDefinition", equalTo(NEW))));
    }

    @Test
    void aBlueGreenServiceGetsTheInputOfItsCodeDeployDeployment(@TempDir Path directory) throws Exception {
        stub(ecsCall("DescribeServices"), service(OLD, "CODE_DEPLOY", 1));
        Path input = directory.resolve("repoint-deployment.json");

        EcsRepoint.Result result = new EcsRepoint(ecs, Duration.ofMillis(10)).repoint(request(input));

        assertThat(result.deployed()).isFalse();
        assertThat(result.nextStep()).isEqualTo("aws deploy create-deployment --cli-input-json file://" + input);
        JsonNode deployment = new ObjectMapper().readTree(input.toFile());
        assertThat(deployment.path("applicationName").asText()).isEqualTo("chatbot-staging-app");
        assertThat(deployment.path("deploymentGroupName").asText()).isEqualTo("chatbot-staging-dg");
        JsonNode appSpec = new ObjectMapper().readTree(deployment.at("/revision/appSpecContent/content").asText());
        assertThat(appSpec.at("/Resources/0/TargetService/Properties/TaskDefinition").asText()).isEqualTo(NEW);
        assertThat(appSpec.at("/Resources/0/TargetService/Properties/LoadBalancerInfo/ContainerPort").asInt()).isEqualTo(8080);
        aws.verify(0, postRequestedFor(urlEqualTo("/")).withHeader("X-Amz-Target", equalTo("AmazonEC2ContainerServiceV20141113.UpdateService")));
    }
}
