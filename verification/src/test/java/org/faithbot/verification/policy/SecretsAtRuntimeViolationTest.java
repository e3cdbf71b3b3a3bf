package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AC-4.3 with the signing key read by id at runtime: the task role may read exactly the runtime
 * secrets, and only a secret tagged Rotation = manual may go without automatic rotation.
 */
class SecretsAtRuntimeViolationTest {

    private static final String SECRETS = "terraform/modules/secrets/main.tf";
    private static final String ECS = "terraform/modules/ecs-service/main.tf";

    @Test
    void aSecretWithoutRotationAndWithoutTheManualTagFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(SECRETS, "merge(var.tags, { Rotation = \"manual\" })", "var.tags");
        RuleOutcome outcome = copy.check("secrets-encrypted-and-rotated");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_secretsmanager_secret.pseudonym_key");
            assertThat(f.describe()).contains("no rotation");
        });
    }

    @Test
    void aTaskRoleReadingEverySecretFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(ECS, "      resources = var.runtime_secret_arns\n", "      resources = [\"*\"]\n");
        RuleOutcome outcome = copy.check("task-secrets-from-secrets-manager");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).anySatisfy(f -> assertThat(f.describe()).contains("var.runtime_secret_arns"));
    }

    @Test
    void aSecretsIdInThePlainEnvironmentIsNotASecretValue(@TempDir Path dir) {
        RuleOutcome outcome = PlantedRepository.copyInto(dir).check("no-secret-in-plain-container-environment");
        assertThat(outcome.passed()).as(outcome.describe()).isTrue();
        assertThat(outcome.inspected()).contains("CHATBOT_SECURITY_JWT_SECRETID");
    }
}
