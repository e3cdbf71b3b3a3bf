package org.faithbot.verification.deployment.staging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.deployment.Release;
import org.faithbot.verification.deployment.Strategy;
import software.amazon.awssdk.services.codedeploy.CodeDeployClient;
import software.amazon.awssdk.services.codedeploy.model.AutoRollbackEvent;
import software.amazon.awssdk.services.codedeploy.model.DeploymentInfo;
import software.amazon.awssdk.services.codedeploy.model.DeploymentStatus;
import software.amazon.awssdk.services.codedeploy.model.RevisionLocationType;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentConfiguration;
import software.amazon.awssdk.services.ecs.model.DeploymentRolloutState;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;
import software.amazon.awssdk.services.ecs.model.TaskSet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The deployment drills on AWS, through the SDK. A release is a new revision of the service's task
 * definition whose only change is the release's environment (its label, its fault switch). Rolling:
 * ECS UpdateService with the deployment circuit breaker and its rollback on; ECS stops a release
 * whose tasks never become healthy and rolls back by itself. Blue-green and canary: a CodeDeploy
 * deployment (CodeDeployDefault.ECSAllAtOnce, or ECSCanary10Percent5Minutes) with automatic rollback
 * on failure, alarm and stop request; a release that fails under live traffic is stopped by the
 * harness's gate with StopDeployment (autoRollbackEnabled), and CodeDeploy reroutes the traffic to
 * the original task set. The rollback time runs from the detection until AWS reports the previous
 * release serving and stable again.
 */
public final class AwsDeployments {

    public static final String BLUE_GREEN_CONFIG = "CodeDeployDefault.ECSAllAtOnce";
    public static final String CANARY_CONFIG = "CodeDeployDefault.ECSCanary10Percent5Minutes";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<DeploymentStatus> ENDED_BADLY = Set.of(DeploymentStatus.FAILED, DeploymentStatus.STOPPED);

    private final EcsClient ecs;
    private final CodeDeployClient codeDeploy;
    private final StagingDeploymentSettings settings;

    public AwsDeployments(EcsClient ecs, CodeDeployClient codeDeploy, StagingDeploymentSettings settings) {
        this.ecs = ecs;
        this.codeDeploy = codeDeploy;
        this.settings = settings;
    }

    public static AwsDeployments fromConfiguration() {
        StagingDeploymentSettings settings = StagingDeploymentSettings.fromConfiguration();
        return new AwsDeployments(EcsClient.builder().region(settings.region()).build(),
                CodeDeployClient.builder().region(settings.region()).build(), settings);
    }

    public StagingDeploymentSettings settings() {
        return settings;
    }

    /**
     * A live-traffic gate the harness keeps while AWS deploys: a reason when the release must be
     * stopped (the probe's error rate, say), empty while all is well.
     */
    @FunctionalInterface
    public interface LiveGate extends Supplier<Optional<String>> {
        LiveGate NEVER = Optional::empty;
    }

    // ------------------------------------------------------------------ ECS rolling with the circuit breaker

    public AwsDeploymentOutcome rolling(Release release, LiveGate gate) {
        if (!settings.hasRollingService()) {
            throw new IllegalStateException("no ECS service on the ECS deployment controller is configured (staging.ecs-rolling-service)");
        }
        Timeline timeline = new Timeline();
        String serviceName = settings.rollingService();
        Service service = service(serviceName);
        String previous = service.taskDefinition();
        String taskDefinition = register(previous, release);
        timeline.note("registered %s over %s", taskDefinition, previous);
        DeploymentConfiguration configuration = (service.deploymentConfiguration() == null ? DeploymentConfiguration.builder()
                : service.deploymentConfiguration().toBuilder())
                .deploymentCircuitBreaker(b -> b.enable(true).rollback(true)).build();
        Service updated = ecs.updateService(r -> r.cluster(settings.cluster()).service(serviceName).taskDefinition(taskDefinition)
                .forceNewDeployment(true).deploymentConfiguration(configuration)).service();
        Instant started = Instant.now();
        String deploymentId = updated == null ? null : updated.deployments().stream()
                .filter(d -> taskDefinition.equals(d.taskDefinition())).map(Deployment::id).findFirst().orElse(null);
        timeline.note("UpdateService: %s with the circuit breaker and its rollback on (deployment %s)", taskDefinition, deploymentId);
        Instant detectedAt = null;
        String detectedBy = null;
        String reason = null;
        String rollbackId = null;
        Instant deadline = started.plus(settings.timeout());
        while (Instant.now().isBefore(deadline)) {
            Service now = service(serviceName);
            String id = deploymentId;
            Optional<Deployment> ours = now.deployments().stream()
                    .filter(d -> id != null ? id.equals(d.id()) : taskDefinition.equals(d.taskDefinition())).findFirst();
            if (deploymentId == null) {
                deploymentId = ours.map(Deployment::id).orElse(null);
            }
            if (detectedAt == null) {
                if (ours.isPresent() && ours.get().rolloutState() == DeploymentRolloutState.COMPLETED && "PRIMARY".equals(ours.get().status())) {
                    timeline.note("deployment %s completed: %d of %d tasks running", deploymentId, ours.get().runningCount(), ours.get().desiredCount());
                    return outcome(Strategy.ROLLING, release, AwsDeploymentOutcome.Result.COMPLETED, deploymentId, taskDefinition, previous, started,
                            null, null, null, null, null, timeline);
                }
                if (ours.isPresent() && ours.get().rolloutState() == DeploymentRolloutState.FAILED) {
                    detectedAt = Instant.now();
                    detectedBy = "ECS deployment circuit breaker";
                    reason = ours.get().rolloutStateReason();
                    timeline.note("detected by %s: %s", detectedBy, reason);
                } else {
                    Optional<String> failure = gate.get();
                    if (failure.isPresent()) {
                        detectedAt = Instant.now();
                        detectedBy = "harness gate";
                        reason = failure.get();
                        ecs.updateService(r -> r.cluster(settings.cluster()).service(serviceName).taskDefinition(previous).forceNewDeployment(true));
                        timeline.note("detected by the harness gate (%s): UpdateService back to %s", reason, previous);
                    }
                }
            } else {
                Optional<Deployment> primary = now.deployments().stream().filter(d -> "PRIMARY".equals(d.status())).findFirst();
                if (primary.isPresent() && previous.equals(primary.get().taskDefinition())) {
                    rollbackId = primary.get().id();
                    if (primary.get().rolloutState() == DeploymentRolloutState.COMPLETED && now.deployments().size() == 1) {
                        Instant rolledBackAt = Instant.now();
                        timeline.note("rollback deployment %s completed: the previous release %s serves alone", rollbackId, previous);
                        return outcome(Strategy.ROLLING, release, AwsDeploymentOutcome.Result.ROLLED_BACK, deploymentId, taskDefinition, previous,
                                started, detectedAt, detectedBy, reason, rollbackId, rolledBackAt, timeline);
                    }
                }
            }
            pause();
        }
        if (detectedAt != null) {
            timeline.note("the rollback did not complete within %s", settings.timeout());
            return outcome(Strategy.ROLLING, release, AwsDeploymentOutcome.Result.ROLLBACK_FAILED, deploymentId, taskDefinition, previous, started,
                    detectedAt, detectedBy, reason, rollbackId, null, timeline);
        }
        throw new IllegalStateException("the ECS deployment of " + taskDefinition + " did not end within " + settings.timeout() + "\n" + timeline);
    }

    // ------------------------------------------------------------------ CodeDeploy blue-green and canary

    public AwsDeploymentOutcome codeDeploy(Strategy strategy, Release release, LiveGate gate) {
        String config = switch (strategy) {
            case BLUE_GREEN -> BLUE_GREEN_CONFIG;
            case CANARY -> CANARY_CONFIG;
            case ROLLING -> throw new IllegalArgumentException("CodeDeploy deploys ECS services blue-green or canary; rolling is ECS's own");
        };
        Timeline timeline = new Timeline();
        Service service = service(settings.service());
        String previous = service.taskSets().stream().filter(t -> "PRIMARY".equals(t.status())).map(TaskSet::taskDefinition).findFirst()
                .orElse(service.taskDefinition());
        String taskDefinition = register(previous, release);
        timeline.note("registered %s over %s", taskDefinition, previous);
        String deploymentId = codeDeploy.createDeployment(r -> r.applicationName(settings.codeDeployApplication())
                .deploymentGroupName(settings.codeDeployGroup()).deploymentConfigName(config)
                .description(strategy.label() + " drill: release " + release)
                .revision(rev -> rev.revisionType(RevisionLocationType.APP_SPEC_CONTENT).appSpecContent(a -> a.content(appSpec(taskDefinition))))
                .autoRollbackConfiguration(a -> a.enabled(true).events(AutoRollbackEvent.DEPLOYMENT_FAILURE,
                        AutoRollbackEvent.DEPLOYMENT_STOP_ON_ALARM, AutoRollbackEvent.DEPLOYMENT_STOP_ON_REQUEST))).deploymentId();
        Instant started = Instant.now();
        timeline.note("CreateDeployment %s (%s, automatic rollback on failure, alarm and stop)", deploymentId, config);
        Instant detectedAt = null;
        String detectedBy = null;
        String reason = null;
        String rollbackId = null;
        int pollsWithoutRollback = 0;
        Instant deadline = started.plus(settings.timeout());
        while (Instant.now().isBefore(deadline)) {
            DeploymentInfo info = deployment(deploymentId);
            if (detectedAt == null) {
                if (info.status() == DeploymentStatus.SUCCEEDED) {
                    timeline.note("deployment %s succeeded", deploymentId);
                    return outcome(strategy, release, AwsDeploymentOutcome.Result.COMPLETED, deploymentId, taskDefinition, previous, started,
                            null, null, null, null, null, timeline);
                }
                if (ENDED_BADLY.contains(info.status())) {
                    detectedAt = Instant.now();
                    detectedBy = "CodeDeploy";
                    reason = info.status() + (info.errorInformation() == null ? "" : ": " + info.errorInformation().message());
                    timeline.note("detected by CodeDeploy: %s", reason);
                } else {
                    Optional<String> failure = gate.get();
                    if (failure.isPresent()) {
                        detectedAt = Instant.now();
                        detectedBy = "harness gate";
                        reason = failure.get();
                        String id = deploymentId;
                        codeDeploy.stopDeployment(r -> r.deploymentId(id).autoRollbackEnabled(true));
                        timeline.note("detected by the harness gate (%s): StopDeployment %s with automatic rollback", reason, deploymentId);
                    }
                }
            } else {
                if (rollbackId == null && info.rollbackInfo() != null && info.rollbackInfo().rollbackDeploymentId() != null) {
                    rollbackId = info.rollbackInfo().rollbackDeploymentId();
                    timeline.note("rollback deployment %s", rollbackId);
                }
                if (rollbackId != null) {
                    DeploymentInfo rollback = deployment(rollbackId);
                    if (rollback.status() == DeploymentStatus.SUCCEEDED) {
                        Instant rolledBackAt = Instant.now();
                        timeline.note("rollback deployment %s succeeded: the previous release %s serves", rollbackId, previous);
                        return outcome(strategy, release, AwsDeploymentOutcome.Result.ROLLED_BACK, deploymentId, taskDefinition, previous, started,
                                detectedAt, detectedBy, reason, rollbackId, rolledBackAt, timeline);
                    }
                    if (ENDED_BADLY.contains(rollback.status())) {
                        timeline.note("rollback deployment %s ended %s", rollbackId, rollback.status());
                        return outcome(strategy, release, AwsDeploymentOutcome.Result.ROLLBACK_FAILED, deploymentId, taskDefinition, previous,
                                started, detectedAt, detectedBy, reason, rollbackId, null, timeline);
                    }
                } else if (ENDED_BADLY.contains(info.status()) && ++pollsWithoutRollback >= 3 && previousServes(previous)) {
                    // stopped before any traffic moved: CodeDeploy needs no rollback deployment, the original task set never stopped serving
                    Instant rolledBackAt = Instant.now();
                    timeline.note("%s before the traffic moved: the original task set (%s) still serves", info.status(), previous);
                    return outcome(strategy, release, AwsDeploymentOutcome.Result.ROLLED_BACK, deploymentId, taskDefinition, previous, started,
                            detectedAt, detectedBy, reason, null, rolledBackAt, timeline);
                }
            }
            pause();
        }
        if (detectedAt != null) {
            timeline.note("the rollback did not complete within %s", settings.timeout());
            return outcome(strategy, release, AwsDeploymentOutcome.Result.ROLLBACK_FAILED, deploymentId, taskDefinition, previous, started,
                    detectedAt, detectedBy, reason, rollbackId, null, timeline);
        }
        throw new IllegalStateException("the CodeDeploy deployment " + deploymentId + " did not end within " + settings.timeout() + "\n" + timeline);
    }

    private boolean previousServes(String previous) {
        Service service = service(settings.service());
        return service.taskSets().stream().anyMatch(t -> "PRIMARY".equals(t.status()) && previous.equals(t.taskDefinition()));
    }

    private String appSpec(String taskDefinition) {
        Map<String, Object> spec = Map.of("version", "0.0", "Resources", List.of(Map.of("TargetService", Map.of(
                "Type", "AWS::ECS::Service",
                "Properties", Map.of("TaskDefinition", taskDefinition,
                        "LoadBalancerInfo", Map.of("ContainerName", settings.container(), "ContainerPort", settings.containerPort()))))));
        try {
            return JSON.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ task definitions

    /** Registers a revision of {@code taskDefinition} whose service container carries the release's environment. */
    String register(String taskDefinition, Release release) {
        DescribeTaskDefinitionResponse current = ecs.describeTaskDefinition(r -> r.taskDefinition(taskDefinition).include(TaskDefinitionField.TAGS));
        return ecs.registerTaskDefinition(revision(current, settings.container(), release)).taskDefinition().taskDefinitionArn();
    }

    static RegisterTaskDefinitionRequest revision(DescribeTaskDefinitionResponse current, String container, Release release) {
        TaskDefinition td = current.taskDefinition();
        Map<String, String> environment = release.environment();
        List<ContainerDefinition> containers = new ArrayList<>();
        boolean found = false;
        for (ContainerDefinition definition : td.containerDefinitions()) {
            if (definition.name().equals(container)) {
                found = true;
                List<KeyValuePair> variables = new ArrayList<>(definition.environment().stream()
                        .filter(v -> !v.name().startsWith("CHATBOT_RELEASE_")).toList());
                environment.forEach((name, value) -> variables.add(KeyValuePair.builder().name(name).value(value).build()));
                containers.add(definition.toBuilder().environment(variables).build());
            } else {
                containers.add(definition);
            }
        }
        if (!found) {
            throw new IllegalStateException("task definition " + td.taskDefinitionArn() + " has no container " + container);
        }
        RegisterTaskDefinitionRequest.Builder builder = RegisterTaskDefinitionRequest.builder()
                .family(td.family()).taskRoleArn(td.taskRoleArn()).executionRoleArn(td.executionRoleArn())
                .networkMode(td.networkMode()).containerDefinitions(containers).volumes(td.volumes())
                .placementConstraints(td.placementConstraints()).requiresCompatibilities(td.requiresCompatibilities())
                .cpu(td.cpu()).memory(td.memory()).pidMode(td.pidMode()).ipcMode(td.ipcMode())
                .proxyConfiguration(td.proxyConfiguration()).ephemeralStorage(td.ephemeralStorage()).runtimePlatform(td.runtimePlatform());
        if (current.hasTags() && !current.tags().isEmpty()) {
            builder.tags(current.tags());
        }
        return builder.build();
    }

    // ------------------------------------------------------------------ plumbing

    private Service service(String name) {
        List<Service> services = ecs.describeServices(r -> r.cluster(settings.cluster()).services(name)).services();
        if (services.isEmpty()) {
            throw new IllegalStateException("no ECS service " + name + " in cluster " + settings.cluster());
        }
        return services.getFirst();
    }

    private DeploymentInfo deployment(String id) {
        return codeDeploy.getDeployment(r -> r.deploymentId(id)).deploymentInfo();
    }

    private void pause() {
        try {
            Thread.sleep(settings.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static AwsDeploymentOutcome outcome(Strategy strategy, Release release, AwsDeploymentOutcome.Result result, String deploymentId,
                                                String taskDefinition, String previous, Instant started, Instant detectedAt, String detectedBy,
                                                String reason, String rollbackId, Instant rolledBackAt, Timeline timeline) {
        return new AwsDeploymentOutcome(strategy, release, result, deploymentId, taskDefinition, previous, started, detectedAt, detectedBy,
                reason, rollbackId, rolledBackAt, Instant.now(), timeline.lines());
    }

    private static final class Timeline {
        private final Instant start = Instant.now();
        private final List<String> lines = new ArrayList<>();

        void note(String format, Object... arguments) {
            String line = String.format(Locale.ROOT, "+%7.1f s  ", Duration.between(start, Instant.now()).toMillis() / 1000.0)
                    + String.format(Locale.ROOT, format, arguments);
            lines.add(line);
            System.out.println("[deployment:aws] " + line);
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        @Override
        public String toString() {
            return lines.stream().collect(Collectors.joining("\n  ", "  ", ""));
        }
    }
}
