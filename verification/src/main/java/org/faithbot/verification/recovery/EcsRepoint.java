package org.faithbot.verification.recovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ContainerDefinition;
import software.amazon.awssdk.services.ecs.model.DeploymentControllerType;
import software.amazon.awssdk.services.ecs.model.DescribeTaskDefinitionResponse;
import software.amazon.awssdk.services.ecs.model.KeyValuePair;
import software.amazon.awssdk.services.ecs.model.RegisterTaskDefinitionRequest;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;
import software.amazon.awssdk.services.ecs.model.TaskDefinitionField;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Re-points the ECS service at restored tables: registers a new revision of its task definition in
 * which only the table-prefix variable changes, then deploys it. With the ECS deployment controller
 * (rolling) it updates the service and waits until it is stable; with CodeDeploy (blue-green,
 * canary) it writes the input of {@code aws deploy create-deployment} (an AppSpec naming the new
 * revision), which the runbook's next step runs.
 */
public final class EcsRepoint {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final EcsClient ecs;
    private final Duration pollInterval;

    public EcsRepoint(EcsClient ecs, Duration pollInterval) {
        this.ecs = ecs;
        this.pollInterval = pollInterval;
    }

    /**
     * @param codeDeployInput where to write the CodeDeploy input when the service deploys through CodeDeploy
     */
    public record Request(String cluster, String service, String container, String variable, String tablePrefix,
                          String codeDeployApplication, String codeDeployGroup, Path codeDeployInput, Duration timeout) {
    }

    /** @param deployed true when the service runs the new revision now; false when the CodeDeploy step is still to run */
    public record Result(String previousTaskDefinition, String newTaskDefinition, String controller, boolean deployed, String nextStep) {
    }

    public Result repoint(Request request) {
        Service service = describe(request.cluster(), request.service());
        DescribeTaskDefinitionResponse current = ecs.describeTaskDefinition(r -> r.taskDefinition(service.taskDefinition())
                .include(TaskDefinitionField.TAGS));
        String registered = ecs.registerTaskDefinition(newRevision(current, request)).taskDefinition().taskDefinitionArn();
        DeploymentControllerType controller = service.deploymentController() == null ? DeploymentControllerType.ECS
                : service.deploymentController().type();
        if (controller == DeploymentControllerType.CODE_DEPLOY) {
            writeCodeDeployInput(request, service, registered);
            return new Result(service.taskDefinition(), registered, controller.toString(), false,
                    "aws deploy create-deployment --cli-input-json file://" + request.codeDeployInput());
        }
        ecs.updateService(r -> r.cluster(request.cluster()).service(request.service()).taskDefinition(registered));
        awaitStable(request, registered);
        return new Result(service.taskDefinition(), registered, controller.toString(), true, "");
    }

    private Service describe(String cluster, String service) {
        List<Service> services = ecs.describeServices(r -> r.cluster(cluster).services(service)).services();
        if (services.isEmpty()) {
            throw new IllegalStateException("no ECS service " + service + " in cluster " + cluster);
        }
        return services.getFirst();
    }

    static RegisterTaskDefinitionRequest newRevision(DescribeTaskDefinitionResponse current,
                                                                                              Request request) {
        TaskDefinition td = current.taskDefinition();
        List<ContainerDefinition> containers = new ArrayList<>();
        boolean found = false;
        for (ContainerDefinition container : td.containerDefinitions()) {
            if (container.name().equals(request.container())) {
                found = true;
                List<KeyValuePair> environment = new ArrayList<>(container.environment().stream()
                        .filter(v -> !v.name().equals(request.variable())).toList());
                environment.add(KeyValuePair.builder().name(request.variable()).value(request.tablePrefix()).build());
                containers.add(container.toBuilder().environment(environment).build());
            } else {
                containers.add(container);
            }
        }
        if (!found) {
            throw new IllegalStateException("task definition " + td.taskDefinitionArn() + " has no container " + request.container());
        }
        RegisterTaskDefinitionRequest.Builder builder = RegisterTaskDefinitionRequest.builder()
                .family(td.family()).taskRoleArn(td.taskRoleArn()).executionRoleArn(td.executionRoleArn())
                .networkMode(td.networkMode()).containerDefinitions(containers).volumes(td.volumes())
                .placementConstraints(td.placementConstraints()).requiresCompatibilities(td.requiresCompatibilities())
                .cpu(td.cpu()).memory(td.memory()).pidMode(td.pidMode()).ipcMode(td.ipcMode())
                .proxyConfiguration(td.proxyConfiguration()).inferenceAccelerators(td.inferenceAccelerators())
                .ephemeralStorage(td.ephemeralStorage()).runtimePlatform(td.runtimePlatform())
                .enableFaultInjection(td.enableFaultInjection());
        if (current.hasTags() && !current.tags().isEmpty()) {
            builder.tags(current.tags());
        }
        return builder.build();
    }

    private void awaitStable(Request request, String taskDefinition) {
        AtomicReference<String> state = new AtomicReference<>("unknown");
        try {
            Awaitility.await().atMost(request.timeout()).pollDelay(Duration.ZERO).pollInterval(pollInterval).until(() -> {
                Service service = describe(request.cluster(), request.service());
                state.set(service.deployments().size() + " deployments, running " + service.runningCount() + "/" + service.desiredCount()
                        + ", task definition " + service.taskDefinition());
                return service.deployments().size() == 1 && taskDefinition.equals(service.taskDefinition())
                        && service.runningCount().equals(service.desiredCount());
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("service " + request.service() + " did not become stable on " + taskDefinition + " within "
                    + request.timeout() + " (" + state.get() + ")", e);
        }
    }

    private static void writeCodeDeployInput(Request request, Service service, String taskDefinition) {
        if (request.codeDeployApplication() == null || request.codeDeployGroup() == null || request.codeDeployInput() == null) {
            throw new IllegalStateException("service " + request.service() + " deploys through CodeDeploy: give --codedeploy-app, "
                    + "--codedeploy-group and --codedeploy-input");
        }
        int port = service.loadBalancers().stream().filter(lb -> request.container().equals(lb.containerName()))
                .map(lb -> lb.containerPort()).findFirst().orElseThrow(() -> new IllegalStateException(
                        "service " + request.service() + " has no load balancer for container " + request.container()));
        Map<String, Object> appSpec = Map.of("version", "0.0", "Resources", List.of(Map.of("TargetService", Map.of(
                "Type", "AWS::ECS::Service",
                "Properties", Map.of("TaskDefinition", taskDefinition,
                        "LoadBalancerInfo", Map.of("ContainerName", request.container(), "ContainerPort", port))))));
        try {
            Map<String, Object> input = Map.of(
                    "applicationName", request.codeDeployApplication(),
                    "deploymentGroupName", request.codeDeployGroup(),
                    "description", "re-point " + request.service() + " at tables " + request.tablePrefix() + "*",
                    "revision", Map.of("revisionType", "AppSpecContent",
                            "appSpecContent", Map.of("content", JSON.writeValueAsString(appSpec))));
            Files.createDirectories(request.codeDeployInput().toAbsolutePath().getParent());
            JSON.writeValue(request.codeDeployInput().toFile(), input);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + request.codeDeployInput(), e);
        }
    }
}
