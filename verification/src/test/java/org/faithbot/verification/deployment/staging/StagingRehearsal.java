package org.faithbot.verification.deployment.staging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.deployment.Release;
import org.faithbot.verification.deployment.Strategy;
import org.faithbot.verification.local.LocalMoto;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.ComputePlatform;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.Compatibility;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TransportProtocol;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The staging deployment driver's rehearsal site: moto's server (level: emulator, never staging) behind
 * {@link EmulatedAws}, with the staging resources created in it under the Terraform's names and with the Terraform's
 * task definition (its container, port, CPU and memory, read-only root file system, health check, init process and
 * scratch volume, and the SSM agent beside it), and moto's own records read back without the proxy. Used by
 * AwsDeploymentsOnMotoTest and by the rehearsal scenario of the deployment features.
 */
public final class StagingRehearsal implements AutoCloseable {

    /** What the rehearsal's evidence names as its emulator. */
    public static final String EMULATOR = "moto 5.2.1 with named stubs";
    /** The Terraform's names for staging (environments/staging: name_prefix chatbot-staging; modules/ecs-service). */
    public static final String CLUSTER = "chatbot-staging-cluster";
    public static final String SERVICE = "chatbot-staging-service";
    public static final String CONTAINER = "chatbot";
    public static final int PORT = 8080;
    public static final String APPLICATION = "chatbot-staging-app";
    public static final String GROUP = "chatbot-staging-dg";
    public static final Region REGION = Region.EU_CENTRAL_1;

    private final LocalMoto moto;
    private final EmulatedAws aws;
    private final EcsClient recorded;
    private final CodeDeployClient recordedDeployments;
    private String previous;

    private StagingRehearsal(LocalMoto moto) {
        this.moto = moto;
        this.aws = new EmulatedAws(moto.endpoint());
        this.recorded = EcsClient.builder().endpointOverride(moto.endpoint()).region(REGION).credentialsProvider(credentials()).build();
        this.recordedDeployments = CodeDeployClient.builder().endpointOverride(moto.endpoint()).region(REGION).credentialsProvider(credentials())
                .build();
    }

    /** Starts moto (its log under {@code runDirectory}) and the proxy in front of it; fails when moto is not installed. */
    public static StagingRehearsal start(Path runDirectory) {
        return new StagingRehearsal(LocalMoto.started("moto-staging-rehearsal-" + ProcessHandle.current().pid(), runDirectory));
    }

    /** Empties moto and creates the cluster and the task definition's first revision; returns that revision's ARN. */
    public String resetWithTheTerraformsTaskDefinition() throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> reset = http.send(HttpRequest.newBuilder(moto.endpoint().resolve("/moto-api/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (reset.statusCode() != 200) {
                throw new IllegalStateException("moto's reset answered " + reset.statusCode() + ": " + reset.body());
            }
        }
        aws.reset();
        recorded.createCluster(r -> r.clusterName(CLUSTER));
        previous = recorded.registerTaskDefinition(r -> r.family(SERVICE).networkMode(NetworkMode.AWSVPC).requiresCompatibilities(Compatibility.FARGATE)
                .cpu("1024").memory("2048").volumes(v -> v.name("tmp"))
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
        return previous;
    }

    /** The ECS service on its first task definition revision, on the ECS (rolling) or the CodeDeploy deployment controller. */
    public void createService(DeploymentControllerType controller) {
        recorded.createService(r -> r.cluster(CLUSTER).serviceName(SERVICE).taskDefinition(previous).desiredCount(2).launchType(LaunchType.FARGATE)
                .deploymentController(d -> d.type(controller)).deploymentConfiguration(d -> d.maximumPercent(200).minimumHealthyPercent(100)));
    }

    /** The CodeDeploy application and deployment group of the service. */
    public void createDeploymentGroup() {
        recordedDeployments.createApplication(r -> r.applicationName(APPLICATION).computePlatform(ComputePlatform.ECS));
        recordedDeployments.createDeploymentGroup(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP)
                .serviceRoleArn("arn:aws:iam::123456789012:role/chatbot-staging-codedeploy").deploymentConfigName(AwsDeployments.BLUE_GREEN_CONFIG)
                .ecsServices(s -> s.clusterName(CLUSTER).serviceName(SERVICE)));
    }

    /** The staging driver, as the staging target builds it, on the proxy; {@code rollingService} empty for CodeDeploy. */
    public AwsDeployments driver(String rollingService) {
        StagingDeploymentSettings settings = new StagingDeploymentSettings(REGION, CLUSTER, SERVICE, CONTAINER, PORT, APPLICATION, GROUP,
                rollingService, Duration.ofMillis(20), Duration.ofSeconds(20));
        return new AwsDeployments(EcsClient.builder().endpointOverride(aws.endpoint()).region(REGION).credentialsProvider(credentials()).build(),
                CodeDeployClient.builder().endpointOverride(aws.endpoint()).region(REGION).credentialsProvider(credentials()).build(), settings);
    }

    public String previous() {
        return previous;
    }

    /** moto's record of the service. */
    public Service service() {
        return recorded.describeServices(r -> r.cluster(CLUSTER).services(SERVICE)).services().getFirst();
    }

    /** moto's record of a task definition revision. */
    public TaskDefinition taskDefinition(String arn) {
        return recorded.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition();
    }

    /** The revisions of the service's family moto holds. */
    public List<String> revisions() {
        return recorded.listTaskDefinitions(r -> r.familyPrefix(SERVICE)).taskDefinitionArns();
    }

    /** The deployments moto holds in the Terraform's application and group. */
    public List<String> deployments() {
        return recordedDeployments.listDeployments(r -> r.applicationName(APPLICATION).deploymentGroupName(GROUP)).deployments();
    }

    /**
     * moto's record of a deployment, read as JSON: moto writes its times as ISO strings, which the AWS SDK refuses (the API
     * writes epoch seconds), so its own answer is read without the SDK.
     */
    public JsonNode deployment(String id) throws IOException, InterruptedException {
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(moto.endpoint())
                    .header("X-Amz-Target", "CodeDeploy_20141006.GetDeployment").header("Content-Type", "application/x-amz-json-1.1")
                    .header("Authorization", "AWS4-HMAC-SHA256 Credential=local/20261206/" + REGION.id() + "/codedeploy/aws4_request, "
                            + "SignedHeaders=host, Signature=0")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"deploymentId\": \"" + id + "\"}")).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("moto has no deployment " + id + ": " + answer.body());
            }
            return new ObjectMapper().readTree(answer.body()).path("deploymentInfo");
        }
    }

    /**
     * One release deployed by the driver on a fresh moto, with what moto recorded right after it: the service, the
     * previous and the release's task definitions, the family's revisions, and for CodeDeploy the deployments of the
     * group and the release's own (as JSON; null for a rolling release).
     */
    public record Case(AwsDeploymentOutcome outcome, Service service, TaskDefinition previous, TaskDefinition release, List<String> revisions,
                       List<String> deployments, JsonNode deployment) {
    }

    /** A release rolled out through ECS (the service on the ECS deployment controller); the gate may fail it. */
    public Case rolling(Release release, AwsDeployments.LiveGate gate) throws IOException, InterruptedException {
        String first = resetWithTheTerraformsTaskDefinition();
        createService(DeploymentControllerType.ECS);
        AwsDeploymentOutcome outcome = driver(SERVICE).rolling(release, gate);
        return new Case(outcome, service(), taskDefinition(first), taskDefinition(outcome.taskDefinition()), revisions(), List.of(), null);
    }

    /** A release deployed through CodeDeploy (blue-green or canary, the service on the CodeDeploy controller); the gate may fail it. */
    public Case codeDeploy(Strategy strategy, Release release, AwsDeployments.LiveGate gate) throws IOException, InterruptedException {
        String first = resetWithTheTerraformsTaskDefinition();
        createService(DeploymentControllerType.CODE_DEPLOY);
        createDeploymentGroup();
        AwsDeploymentOutcome outcome = driver("").codeDeploy(strategy, release, gate);
        return new Case(outcome, service(), taskDefinition(first), taskDefinition(outcome.taskDefinition()), revisions(), deployments(),
                deployment(outcome.deploymentId()));
    }

    public EmulatedAws aws() {
        return aws;
    }

    public URI motoEndpoint() {
        return moto.endpoint();
    }

    public static KeyValuePair env(String name, String value) {
        return KeyValuePair.builder().name(name).value(value).build();
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
    }

    @Override
    public void close() {
        recorded.close();
        recordedDeployments.close();
        aws.close();
        moto.stop();
    }
}
