package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SC-SEC-2: the pipeline roles read the token signing key and the service's tables, nothing else, and no role that
 * exists in production writes to DynamoDB. Planted: every secret value, every table, and item writes for app-deploy;
 * the same writes in the game-day role (which production does not create) are not held against it.
 */
class PipelineRoleReadsViolationTest {

    private static final String OIDC = "terraform/modules/github-oidc/main.tf";
    private static final String RULE = "pipeline-roles-read-only-the-signing-key-and-the-service-tables";
    private static final String APP_DEPLOY_SECRET = """
              # the smoke and post-deployment validation harness issues test users' tokens with the service's signing key
              statement {
                sid       = "HarnessReadsTheTokenSigningKey"
                actions   = ["secretsmanager:GetSecretValue"]
                resources = [var.jwt_signing_key_secret_arn]
              }
            """;

    @Test
    void theUnmodifiedCopyHolds(@TempDir Path dir) {
        RuleOutcome outcome = PlantedRepository.copyInto(dir).check(RULE);
        assertThat(outcome.passed()).as(outcome.describe()).isTrue();
        assertThat(outcome.inspected()).contains("aws_iam_role.app_deploy", "aws_iam_role.game_day");
    }

    @Test
    void everySecretValueAndEveryTableFail(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(OIDC, APP_DEPLOY_SECRET, """
                  statement {
                    sid       = "HarnessReadsTheTokenSigningKey"
                    actions   = ["secretsmanager:GetSecretValue", "dynamodb:Scan"]
                    resources = ["*"]
                  }
                """);
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).allSatisfy(f -> {
            assertThat(f.file()).isEqualTo(OIDC);
            assertThat(f.resource()).isEqualTo("data.aws_iam_policy_document.app_deploy › statement \"HarnessReadsTheTokenSigningKey\"");
        });
        assertThat(outcome.findings()).extracting(Finding::problem)
                .anySatisfy(p -> assertThat(p).contains("may read secret values of [*]", "only the JWT signing key"))
                .anySatisfy(p -> assertThat(p).contains("may read ([dynamodb:Scan]) *", "not one of the service's tables"));
    }

    @Test
    void itemWritesFailInARoleThatExistsInProductionOnly(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(OIDC, APP_DEPLOY_SECRET, APP_DEPLOY_SECRET + """
                  statement {
                    sid       = "PlantsTestData"
                    actions   = ["dynamodb:PutItem"]
                    resources = local.harness_table_resources
                  }
                """);
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("data.aws_iam_policy_document.app_deploy › statement \"PlantsTestData\"");
            assertThat(f.problem()).contains("aws_iam_role.app_deploy exists in production and may write to DynamoDB: [dynamodb:PutItem]");
        });
        // the game-day role writes into its scratch tables, and is created only where chaos_enabled = true (staging)
        assertThat(copy.read(OIDC)).contains("sid = \"RestoreDrillIntoScratchTables\"", "\"dynamodb:PutItem\"");
    }

    @Test
    void aSigningKeyThatIsNotTheServicesFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace("terraform/modules/platform/main.tf",
                "jwt_signing_key_secret_arn       = module.secrets.jwt_signing_key_secret_arn",
                "jwt_signing_key_secret_arn       = \"arn:aws:secretsmanager:eu-central-1:123456789012:secret:*\"");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("terraform/modules/platform/main.tf");
            assertThat(f.resource()).isEqualTo("module.github_oidc");
            assertThat(f.attribute()).isEqualTo("jwt_signing_key_secret_arn");
        });
    }
}
