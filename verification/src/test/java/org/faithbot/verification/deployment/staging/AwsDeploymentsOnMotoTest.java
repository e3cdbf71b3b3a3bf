package org.faithbot.verification.deployment.staging;

import org.faithbot.verification.deployment.Release;
import org.faithbot.verification.deployment.Strategy;
import org.faithbot.verification.local.LocalMoto;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.HttpURLConnection;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The staging deployment driver, unchanged, against moto's server (level: emulator, never staging): the staging
 * resources are created in moto under the Terraform's names and with the Terraform's task definition (its container,
 * port, CPU and memory, its read-only root file system, health check, init process and scratch volume), the driver
 * deploys, and what moto recorded is checked: the release's task definition revision registered with everything of
 * the previous one but the release's variables, the ECS service moved onto it (and back, on a rollback), the
 * CodeDeploy deployment created in the Terraform's application and deployment group with an AppSpec naming the
 * revision, container and port. Where moto does not emulate what the driver waits for, the named stubs of
 * {@link EmulatedAws} answer; each test says which calls they answered. Skipped, with the reason, where moto is not
 * installed (the workflows install it and require it).
 */
class AwsDeploymentsOnMotoTest {

    /** The Terraform's names for staging (environments/staging: name_prefix chatbot-staging; modules/ecs-service). */
    private static final String CLUSTER = "chatbot-staging-cluster";
    private static final String SERVICE = "chatbot-staging-service";
    private static final String CONTAINER = "chatbot";
    private static final int PORT = 8080;
    private static final String APPLICATION = "chatbot-staging-app";
    private static final String GROUP = "chatbot-staging-dg";
    private static final Region REGION = Region.EU_CENTRAL_1;

    @TempDir
    static Path runDirectory;

    private static LocalMoto moto;
    private static EmulatedAws aws;

    private EcsClient recorded;
    private CodeDeployClient recordedDeployments;
    private String previous;

    @BeforeAll
    static void startMoto() {
        assumeTrue(LocalMoto.isInstalled(), "moto_server is not installed here (pip install 'moto[server]==5.2.1'): the staging driver's "
                + "rehearsal against moto is not run");
        moto = LocalMoto.started("moto-staging-rehearsal-" + ProcessHandle.current().pid(), runDirectory);
        aws = new EmulatedAws(moto.endpoint());
    }

    @AfterAll
    static void stopMoto() {
        if (aws != null) {
            System.out.println("[staging rehearsal] calls answered by stubs or with emulated state:\n" + aws.describeStubbed());
            aws.close();
        }
        if (moto != null) {
            moto.stop();
        }
    }

    @BeforeEach
    void createTheStagingResources() throws Exception {
        HttpURLConnection reset = (HttpURLConnection) moto.endpoint().resolve("/moto-api/reset").toURL().openConnection();
        reset.setRequestMethod("POST");
        assertThat(reset.getResponseCode()).as("moto's state reset").isEqualTo(200);
        aws.reset();
        recorded = EcsClient.builder().endpointOverride(moto.endpoint()).region(REGION).credentialsProvider(credentials()).build();
        recordedDeployments = CodeDeployClient.builder().endpointOverride(moto.endpoint()).region(REGION).credentialsProvider(credentials()).build();
        recorded.createCluster(r -> r.clusterName(CLUSTER));
        previous = recorded.registerTaskDefinition(r -> r.family(SERVICE).networkMode(NetworkMode.AWSVPC).requiresCompatibilities(
                        software.amazon.awssdk.services.ecs.model.Compatibility.FARGATE).cpu("1024").memory("2048")
                .volumes(v -> v.name("tmp"))
                .containerDefinitions(ContainerDefinition.builder().name(CONTAINER).image("123456789012.dkr.ecr.eu-central-1.amazonaws.com/chatbot:1.4.2")
                        .essential(true).readonlyRootFilesystem(true).stopTimeout(30)
                        .portMappings(p -> p.name("http").containerPort(PORT).protocol(TransportProtocol.TCP))
                        .environment(env("APP_ENVIRONMENT", "staging"), env("CHATBOT_RELEASE_LABEL", "1.4.2"))
                        .mountPoints(m -> m.sourceVolume("tmp").containerPath("/tmp").readOnly(false))
                        .healthCheck(h -> h.command("CMD-SHELL", "wget -qO- http://127.0.0.1:8080/actuator/health/readiness || exit 1")
                                .interval(15).timeout(5).retries(3).startPeriod(90))
                        .linuxParameters(l -> l.initProcessEnabled(true)).build(),
                        ContainerDefinition.builder().name("amazon-ssm-agent").image("public.ecr.aws/amazon-ssm-agent/amazon-ssm-agent:latest")
                                .essential(false).build()))
                .taskDefinition().taskDefinitionArn();
    }

    @Test
    void aRollingReleaseIsRegisteredOverTheTerraformsTaskDefinitionAndTheServiceMovesOntoIt() {
        createService(DeploymentControllerType.ECS);

        AwsDeploymentOutcome outcome = driver(SERVICE).rolling(Release.good("2.5.0"), AwsDeployments.LiveGate.NEVER);

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(AwsDeploymentOutcome.Result.COMPLETED);
        String release = outcome.taskDefinition();
        assertThat(release).as("a new revision of the Terraform's family").endsWith("task-definition/" + SERVICE + ":2");
        assertThat(serviceTaskDefinition()).as("moto's service runs the release").isEqualTo(release);
        assertThat(recorded.describeServices(r -> r.cluster(CLUSTER).services(SERVICE)).services().getFirst().deploymentConfiguration()
                .deploymentCircuitBreaker()).as("the circuit breaker and its rollback on").satisfies(breaker -> {
                    assertThat(breaker.enable()).isTrue();
                    assertThat(breaker.rollback()).isTrue();
                });
        TaskDefinition before = recorded.describeTaskDefinition(r -> r.taskDefinition(previous)).taskDefinition();
        TaskDefinition after = recorded.describeTaskDefinition(r -> r.taskDefinition(release)).taskDefinition();
        assertThat(after.cpu()).isEqualTo(before.cpu());
        assertThat(after.memory()).isEqualTo(before.memory());
        assertThat(after.volumes()).isEqualTo(before.volumes());
        assertThat(after.containerDefinitions()).extracting(ContainerDefinition::name).containsExactly(CONTAINER, "amazon-ssm-agent");
        ContainerDefinition service = after.containerDefinitions().getFirst();
        ContainerDefinition was = before.containerDefinitions().getFirst();
        assertThat(service.environment()).contains(env("APP_ENVIRONMENT", "staging"), env("CHATBOT_RELEASE_LABEL", "2.5.0"))
                .doesNotContain(env("CHATBOT_RELEASE_LABEL", "1.4.2"));
        assertThat(service.toBuilder().environment(List.of()).build()).as("everything but the release's variables kept")
                .isEqualTo(was.toBuilder().environment(List.of()).build());
    }

    @Test
    void aRollingReleaseTheGateFailsIsRolledBackOntoThePreviousTaskDefinition() {
        createService(DeploymentControllerType.ECS);

        AwsDeploymentOutcome outcome = driver(SERVICE).rolling(Release.failingChats("2.3.0-bad", 0.3),
                () -> Optional.of("30 % of chat requests failed"));

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(AwsDeploymentOutcome.Result.ROLLED_BACK);
        assertThat(outcome.detectedBy()).isEqualTo("harness gate");
        assertThat(serviceTaskDefinition()).as("moto's service back on the previous release").isEqualTo(previous);
        assertThat(recorded.listTaskDefinitions(r -> r.familyPrefix(SERVICE)).taskDefinitionArns()).hasSize(2);
    }

    @Test
    void aBlueGreenReleaseGoesThroughTheTerraformsCodeDeployApplicationAndGroup() throws Exception {
        createService(DeploymentControllerType.CODE_DEPLOY);
        createDeploymentGroup();

        AwsDeploymentOutcome outcome = driver("").codeDeploy(Strategy.BLUE_GREEN, Release.good("2.1.0"), AwsDeployments.LiveGate.NEVER);

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(AwsDeploymentOutcome.Result.COMPLETED);
        assertThat(recordedDeployments.listDeployments(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP)).deployments())
                .as("moto recorded the deployment in the Terraform's application and group").containsExactly(outcome.deploymentId());
        JsonNode info = recordedDeployment(outcome.deploymentId());
        assertThat(info.path("deploymentConfigName").asText()).isEqualTo(AwsDeployments.BLUE_GREEN_CONFIG);
        assertThat(info.path("revision").path("appSpecContent").path("content").asText())
                .as("the AppSpec names the release's revision, the container and its port")
                .contains(outcome.taskDefinition()).contains("\"ContainerName\":\"" + CONTAINER + "\"").contains("\"ContainerPort\":" + PORT);
    }

    @Test
    void aCanaryTheGateFailsIsStoppedWithItsAutomaticRollback() throws Exception {
        createService(DeploymentControllerType.CODE_DEPLOY);
        createDeploymentGroup();
        AtomicInteger looks = new AtomicInteger();

        AwsDeploymentOutcome outcome = driver("").codeDeploy(Strategy.CANARY, Release.failingChats("2.2.0-bad", 0.3),
                () -> looks.incrementAndGet() == 1 ? Optional.of("30 % of chat requests failed") : Optional.empty());

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(AwsDeploymentOutcome.Result.ROLLED_BACK);
        assertThat(outcome.rollbackId()).startsWith("d-ROLLBACK");
        assertThat(recordedDeployment(outcome.deploymentId()).path("deploymentConfigName").asText()).isEqualTo(AwsDeployments.CANARY_CONFIG);
        assertThat(aws.callsByHandler().get(EmulatedAws.STOP)).as("the stop went to the stub, moto has no StopDeployment")
                .containsEntry("StopDeployment", 1);
        assertThat(aws.callsByHandler().get(EmulatedAws.ROLLBACK)).as("the rollback deployment, followed on the stub until it succeeded")
                .containsKey("GetDeployment");
    }

    private AwsDeployments driver(String rollingService) {
        StagingDeploymentSettings settings = new StagingDeploymentSettings(REGION, CLUSTER, SERVICE, CONTAINER, PORT, APPLICATION, GROUP,
                rollingService, Duration.ofMillis(20), Duration.ofSeconds(20));
        return new AwsDeployments(EcsClient.builder().endpointOverride(aws.endpoint()).region(REGION).credentialsProvider(credentials()).build(),
                CodeDeployClient.builder().endpointOverride(aws.endpoint()).region(REGION).credentialsProvider(credentials()).build(), settings);
    }

    private void createService(DeploymentControllerType controller) {
        recorded.createService(r -> r.cluster(CLUSTER).serviceName(SERVICE).taskDefinition(previous).desiredCount(2)
                .launchType(software.amazon.awssdk.services.ecs.model.LaunchType.FARGATE)
                .deploymentController(d -> d.type(controller))
                .deploymentConfiguration(d -> d.maximumPercent(200).minimumHealthyPercent(100)));
    }

    private void createDeploymentGroup() {
        recordedDeployments.createApplication(r -> r.applicationName(APPLICATION).computePlatform(ComputePlatform.ECS));
        recordedDeployments.createDeploymentGroup(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP)
                .serviceRoleArn("arn:aws:iam::123456789012:role/chatbot-staging-codedeploy")
                .deploymentConfigName(AwsDeployments.BLUE_GREEN_CONFIG)
                .ecsServices(s -> s.clusterName(CLUSTER).serviceName(SERVICE)));
    }

    /**
     * moto's record of a deployment, read as JSON: moto writes its times as ISO strings, which the AWS SDK refuses (the API
     * writes epoch seconds), so its own answer is read without the SDK.
     */
    private static JsonNode recordedDeployment(String id) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(moto.endpoint())
                    .header("X-Amz-Target", "CodeDeploy_20141006.GetDeployment").header("Content-Type", "application/x-amz-json-1.1")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20261206/" + REGION.id() + "/codedeploy/aws4_request, "
                            + "SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"deploymentId\": \"" + id + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            return new ObjectMapper().readTree(answer.body()).path("deploymentInfo");
        }
    }

    private String serviceTaskDefinition() {
        return recorded.describeServices(r -> r.cluster(CLUSTER).services(SERVICE)).services().getFirst().taskDefinition();
    }

    private static KeyValuePair env(String name, String value) {
        return KeyValuePair.builder().name(name).value(value).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }
}
