package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** NFR-SEC-2: a store without its key, or a bucket without default encryption, fails the encryption rule and names the resource. */
class EncryptionViolationTest {

    private static final String RULE = "every-store-and-channel-encrypted";
    private static final String SERVICE_LOGS = "terraform/modules/ecs-service/main.tf";
    private static final String ALB = "terraform/modules/alb/main.tf";

    @Test
    void theRepositoryHoldsAndEveryKindOfStoreIsCounted(@TempDir Path dir) {
        RuleOutcome outcome = PlantedRepository.copyInto(dir).check(RULE);
        assertThat(outcome.passed()).as(outcome.describe()).isTrue();
        assertThat(outcome.inspected()).contains("aws_dynamodb_table.this", "aws_ecr_repository.this", "aws_sns_topic.alerts",
                "aws_secretsmanager_secret.jwt_signing_key", "aws_backup_vault.primary", "aws_backup_vault.dr",
                "aws_cloudwatch_log_group.waf_cloudfront", "aws_s3_bucket.access_logs", "aws_s3_bucket.state");
        assertThat(outcome.inspected().size()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void aLogGroupWithoutItsKeyFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        String group = copy.read(SERVICE_LOGS);
        String withKey = group.substring(group.indexOf("resource \"aws_cloudwatch_log_group\" \"service\""));
        withKey = withKey.substring(0, withKey.indexOf("}\n") + 2);
        copy.replace(SERVICE_LOGS, withKey, withKey.replace("  kms_key_id        = var.kms_key_arn\n", ""));
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(SERVICE_LOGS);
            assertThat(f.resource()).isEqualTo("aws_cloudwatch_log_group.service");
            assertThat(f.attribute()).isEqualTo("kms_key_id");
        });
    }

    @Test
    void aBucketWithoutDefaultEncryptionFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(ALB, "sse_algorithm = \"AES256\"", "sse_algorithm = \"\"");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f ->
                assertThat(f.resource()).isEqualTo("aws_s3_bucket_server_side_encryption_configuration for aws_s3_bucket.access_logs"));
    }
}
