package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** AC-4.2 / AC-2.12: an IAM statement allowing every action must fail the IAM rules; a deny of s3:* must not. */
class IamWildcardViolationTest {

    private static final String ECS = "terraform/modules/ecs-service/main.tf";
    private static final String OIDC = "terraform/modules/github-oidc/main.tf";

    @Test
    void theUnmodifiedCopyHoldsAlthoughBucketPoliciesDenyEveryS3Action(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        assertThat(copy.read("terraform/bootstrap/main.tf")).contains("effect  = \"Deny\"", "actions = [\"s3:*\"]");
        PolicyInputs inputs = copy.inputs();
        assertThat(PolicyCatalogue.forCriterion("AC-4.2")).allSatisfy(rule ->
                assertThat(rule.check(inputs).passed()).as(rule.id()).isTrue());
        assertThat(PolicyCatalogue.byId("ci-roles-no-wildcard-actions").check(inputs).passed()).isTrue();
    }

    @Test
    void aStatementAllowingEveryActionFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(ECS, """
                data "aws_iam_policy_document" "task" {
                """, """
                data "aws_iam_policy_document" "task" {
                  statement {
                    sid       = "Everything"
                    actions   = ["*"]
                    resources = ["*"]
                  }

                """);
        PolicyInputs inputs = copy.inputs();
        RuleOutcome wildcard = PolicyCatalogue.byId("iam-no-wildcard-actions").check(inputs);
        assertThat(wildcard.passed()).isFalse();
        assertThat(wildcard.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(ECS);
            assertThat(f.resource()).isEqualTo("data.aws_iam_policy_document.task › statement \"Everything\"");
            assertThat(f.attribute()).isEqualTo("actions");
            assertThat(f.problem()).contains("\"*\"");
        });
        RuleOutcome unscoped = PolicyCatalogue.byId("iam-unscoped-resources-only-where-aws-requires").check(inputs);
        assertThat(unscoped.passed()).isFalse();
        assertThat(unscoped.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).contains("statement \"Everything\"");
            assertThat(f.attribute()).isEqualTo("resources");
        });
    }

    @Test
    void aServiceWildcardInACiRoleFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(OIDC, """
                    sid       = "DeployTheService"
                    actions   = ["ecs:DescribeServices", "ecs:UpdateService"]
                """, """
                    sid       = "DeployTheService"
                    actions   = ["ecs:*"]
                """);
        RuleOutcome outcome = copy.check("ci-roles-no-wildcard-actions");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(OIDC);
            assertThat(f.resource()).isEqualTo("data.aws_iam_policy_document.app_deploy › statement \"DeployTheService\"");
            assertThat(f.problem()).contains("ecs:*");
        });
    }

    @Test
    void anInlineJsonPolicyThatTheRulesCannotReadFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(ECS, """
                  policy = data.aws_iam_policy_document.task.json""", """
                  policy = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "*", Resource = "*" }] })""");
        RuleOutcome outcome = copy.check("iam-policies-are-checkable-documents");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(ECS);
            assertThat(f.resource()).isEqualTo("aws_iam_role_policy.task");
            assertThat(f.attribute()).isEqualTo("policy");
        });
    }
}
