package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** AC-5.1: a DynamoDB table without point-in-time recovery must fail the PITR rule. */
class DynamoDbPitrViolationTest {

    private static final String TABLES = "terraform/modules/dynamodb/main.tf";
    private static final String RULE = "dynamodb-point-in-time-recovery-enabled";
    private static final String PITR_BLOCK = """
              point_in_time_recovery {
                enabled                 = true
                recovery_period_in_days = var.pitr_recovery_period_days
              }
            """;

    @Test
    void theUnmodifiedCopyHolds(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        assertThat(copy.read(TABLES)).contains(PITR_BLOCK);
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).as(outcome.describe()).isTrue();
        assertThat(outcome.inspected()).containsExactly("aws_dynamodb_table.this");
    }

    @Test
    void aTableWithoutThePitrBlockFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(TABLES, PITR_BLOCK, "");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(TABLES);
            assertThat(f.resource()).isEqualTo("aws_dynamodb_table.this");
            assertThat(f.attribute()).isEqualTo("point_in_time_recovery");
            assertThat(f.describe()).contains("PITR is off");
        });
    }

    @Test
    void aTableWithPitrDisabledFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(TABLES, "    enabled                 = true\n",
                "    enabled                 = false\n");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.attribute()).isEqualTo("point_in_time_recovery.enabled");
            assertThat(f.problem()).contains("false");
        });
    }

    @Test
    void aSecondTableWithoutPitrFailsWhileTheFirstStillHolds(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).append(TABLES, """
                resource "aws_dynamodb_table" "audit" {
                  name         = "${var.name_prefix}-audit"
                  billing_mode = "PAY_PER_REQUEST"
                  hash_key     = "id"

                  attribute {
                    name = "id"
                    type = "S"
                  }
                }
                """);
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.inspected()).containsExactlyInAnyOrder("aws_dynamodb_table.this", "aws_dynamodb_table.audit");
        assertThat(outcome.findings()).singleElement().satisfies(f -> assertThat(f.resource()).isEqualTo("aws_dynamodb_table.audit"));
    }
}
