package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NFR-AVAIL-2: an experiment using an FIS aws:ecs:task-* action needs the SSM agent sidecar in the task definition and
 * the FIS role's SSM permissions; without them the rule fails, and without such an experiment nothing is required.
 */
class FaultInjectionViolationTest {

    private static final String RULE = "fis-task-actions-have-the-ssm-agent";
    private static final String ECS = "terraform/modules/ecs-service/main.tf";
    private static final String FIS = "terraform/modules/fis/main.tf";

    @Test
    void theUnmodifiedCopyHoldsAndItsExperimentsUseTaskActions(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        assertThat(FaultInjectionRules.taskActions(copy.inputs())).extracting(FaultInjectionRules.TaskActions::file)
                .contains("chaos-experiments/cpu-stress.json", "chaos-experiments/model-down.json")
                .doesNotContain("chaos-experiments/instance-killed.json");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).as(outcome.describe()).isTrue();
    }

    @Test
    void aTaskDefinitionWithoutTheSidecarFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(ECS,
                "], local.fault_injection_containers))", "]))");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).isNotEmpty().allSatisfy(f -> {
            assertThat(f.file()).isEqualTo(ECS);
            assertThat(f.resource()).isEqualTo("aws_ecs_task_definition.this");
            assertThat(f.attribute()).isEqualTo("container_definitions");
            assertThat(f.problem()).contains("chaos-experiments/cpu-stress.json");
        });
        assertThat(outcome.findings()).anySatisfy(f -> assertThat(f.problem()).contains("no SSM agent sidecar"));
        assertThat(outcome.findings()).anySatisfy(f -> assertThat(f.problem()).contains("MANAGED_INSTANCE_ROLE_NAME"));
    }

    @Test
    void aSidecarWithoutTheManagedInstanceRoleNameFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(ECS,
                "{ name = \"MANAGED_INSTANCE_ROLE_NAME\", value = aws_iam_role.managed_instance[0].name },",
                "{ name = \"ROLE\", value = aws_iam_role.managed_instance[0].name },");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.attribute()).isEqualTo("container_definitions");
            assertThat(f.problem()).startsWith("no MANAGED_INSTANCE_ROLE_NAME");
        });
    }

    @Test
    void aFisRoleWithoutSendCommandFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(FIS,
                "actions = [\"ssm:SendCommand\"]", "actions = [\"ssm:GetCommandInvocation\"]");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(FIS);
            assertThat(f.resource()).isEqualTo("data.aws_iam_policy_document.fis");
            assertThat(f.problem()).contains("the FIS role lacks [ssm:SendCommand]");
        });
    }

    @Test
    void withoutTaskActionsNothingIsRequired(@TempDir Path dir) throws IOException {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(ECS,
                "], local.fault_injection_containers))", "]))");
        for (String file : FaultInjectionRules.taskActions(copy.inputs()).stream().map(FaultInjectionRules.TaskActions::file).toList()) {
            Files.writeString(copy.root().resolve(file), copy.read(file).replaceAll("\"aws:ecs:task-[a-z-]+\"", "\"aws:ecs:stop-task\""));
        }
        assertThat(FaultInjectionRules.taskActions(copy.inputs())).isEmpty();
        assertThat(copy.check(RULE).passed()).isTrue();
    }
}
