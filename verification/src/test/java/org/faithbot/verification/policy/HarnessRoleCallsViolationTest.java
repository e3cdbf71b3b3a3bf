package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SC-DEPLOY-5: a job that runs the harness against AWS must assume a role that can make the harness's calls. Planted:
 * the app-deploy role as it was (merging the deny of every secret value and table read), and the game-day role without
 * its allow of the signing key: the smoke, the validation and the game day could not even create their target.
 */
class HarnessRoleCallsViolationTest {

    private static final String OIDC = "terraform/modules/github-oidc/main.tf";
    private static final String RULE = "harness-jobs-roles-allow-their-calls";

    @Test
    void theUnmodifiedCopyHolds(@TempDir Path dir) {
        PolicyInputs inputs = PlantedRepository.copyInto(dir).inputs();
        RuleOutcome outcome = PolicyCatalogue.byId(RULE).check(inputs);
        assertThat(outcome.passed()).as(outcome.describe()).isTrue();
        assertThat(outcome.inspected()).as("the five jobs that run the harness against AWS").hasSize(5)
                .anySatisfy(i -> assertThat(i).contains("application-cd.yml", "deploy-staging"))
                .anySatisfy(i -> assertThat(i).contains("application-cd.yml", "deploy-production"))
                .anySatisfy(i -> assertThat(i).contains("coordinated-cicd.yml", "post-deployment-validation"))
                .anySatisfy(i -> assertThat(i).contains("game-days.yml", "game-day"))
                .anySatisfy(i -> assertThat(i).contains("production-operation.yml", "read-operation"));
    }

    @Test
    void theAppDeployRoleThatDeniedEverySecretValueCannotCreateTheTarget(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(OIDC, """
                  source_policy_documents = [data.aws_iam_policy_document.deny_data_plane_reads_but_the_harness.json]

                  statement {
                    sid       = "EcrLogin"
                """, """
                  source_policy_documents = [data.aws_iam_policy_document.deny_data_plane_reads.json]

                  statement {
                    sid       = "EcrLogin"
                """);
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(Finding::describe)
                .anySatisfy(d -> assertThat(d).contains(".github/workflows/application-cd.yml", "jobs.deploy-staging", "role app_deploy",
                        "cannot secretsmanager:GetSecretValue on jwt-secret", "denied by data.aws_iam_policy_document.deny_data_plane_reads › statement \"NoUserDataOrSecretValues\""))
                .anySatisfy(d -> assertThat(d).contains("jobs.deploy-production", "secretsmanager:GetSecretValue"))
                .anySatisfy(d -> assertThat(d).contains(".github/workflows/coordinated-cicd.yml", "jobs.post-deployment-validation",
                        "cannot dynamodb:Scan on service-tables", "the privacy sweep"));
        assertThat(outcome.findings()).noneSatisfy(f -> assertThat(f.file()).endsWith("game-days.yml"));
    }

    @Test
    void theGameDayRoleWithoutTheSigningKeyFailsBeforeInjectingAnything(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(OIDC, """
                  # the game day's harness issues test users' tokens (its background load and probes) with the service's signing key
                  statement {
                    sid       = "HarnessReadsTheTokenSigningKey"
                    actions   = ["secretsmanager:GetSecretValue"]
                    resources = [var.jwt_signing_key_secret_arn]
                  }
                """, "");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(".github/workflows/game-days.yml");
            assertThat(f.resource()).startsWith("jobs.game-day › ");
            assertThat(f.attribute()).isEqualTo("role game_day (vars.STAGING_GAME_DAY_ROLE_ARN)");
            assertThat(f.problem()).contains("cannot secretsmanager:GetSecretValue on jwt-secret", "the remote target",
                    "no Allow statement of aws_iam_role.game_day grants it");
        });
    }

    @Test
    void aGameDayThatWouldCreateItsOwnTemplatesNeedsThoseCallsToo(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(".github/workflows/game-days.yml",
                "-Dstaging.region=\"$AWS_REGION\"", "-Dstaging.region=\"$AWS_REGION\" -Dchaos.fis.create-templates=true");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(Finding::problem)
                .anySatisfy(p -> assertThat(p).contains("cannot fis:CreateExperimentTemplate"))
                .anySatisfy(p -> assertThat(p).contains("cannot iam:PassRole on fis-role"));
    }
}
