package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AC-3.5 and NFR-OPS-5: the alarms come from one definition (alarms.yaml); a local Prometheus rule that disagrees with
 * it (threshold, severity, runbook), a runbook section that does not exist, a Terraform alarm that does not take its
 * value from the definition, an alarm where silence is an outage that does not treat missing data as breaching, and an
 * alert topic without a pager each fail their rule, named.
 */
class AlarmDefinitionViolationTest {

    private static final String ONE = "alarms-from-one-definition";
    private static final String SILENCE = "silence-is-an-outage-and-pages";
    private static final String DEFINITION = "terraform/modules/monitoring/alarms.yaml";
    private static final String RULES = "verification/src/main/resources/monitoring/alert-rules.yml";
    private static final String ALARMS = "terraform/modules/monitoring/alarms.tf";

    @Test
    void theRepositoryHolds(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        RuleOutcome one = copy.check(ONE);
        assertThat(one.passed()).as(one.describe()).isTrue();
        assertThat(one.inspected()).contains("definition alb-5xx-rate", "aws_cloudwatch_metric_alarm.alb_5xx_rate", "alert ServiceDown",
                "alert InstanceDown", "alert HighErrorRate", "alert SlowChat");
        RuleOutcome silence = copy.check(SILENCE);
        assertThat(silence.passed()).as(silence.describe()).isTrue();
        assertThat(silence.inspected()).contains("aws_cloudwatch_metric_alarm.alb_no_healthy_hosts", "aws_cloudwatch_metric_alarm.alb_unhealthy_hosts",
                "aws_sns_topic_subscription.pager", "environments/production", "environments/staging");
    }

    @Test
    void aLocalRuleWithAnotherThresholdFailsOnThatThreshold(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(RULES, "> 0.05", "> 0.1");
        RuleOutcome outcome = copy.check(ONE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(RULES);
            assertThat(f.resource()).isEqualTo("alert HighErrorRate");
            assertThat(f.attribute()).isEqualTo("threshold");
            assertThat(f.problem()).contains("GreaterThanThreshold 5.0 percent");
        });
    }

    @Test
    void aLocalRuleWithAnotherSeverityOrRunbookFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(RULES, "alarm: alb-unhealthy-hosts\n          severity: warning", "alarm: alb-unhealthy-hosts\n          severity: critical");
        copy.replace(RULES, "runbook: \"docs/runbooks/incident-response.md#2-mitigate\"\n      - alert: HighErrorRate",
                "runbook: \"docs/runbooks/restore.md\"\n      - alert: HighErrorRate");
        RuleOutcome outcome = copy.check(ONE);
        assertThat(outcome.findings()).extracting(f -> f.resource() + " " + f.attribute())
                .containsExactlyInAnyOrder("alert InstanceDown severity", "alert InstanceDown runbook");
    }

    @Test
    void aRunbookSectionThatDoesNotExistFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(DEFINITION, "incident-response.md#security-incidents", "incident-response.md#security-breaches");
        RuleOutcome outcome = copy.check(ONE);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(DEFINITION);
            assertThat(f.resource()).isEqualTo("auth-failures-spike");
            assertThat(f.attribute()).isEqualTo("runbook");
            assertThat(f.problem()).contains("no section #security-breaches");
        });
    }

    @Test
    void aSeverityOtherThanTheRequirementsFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(DEFINITION, "  auth-failures-spike:\n    severity: critical", "  auth-failures-spike:\n    severity: warning");
        RuleOutcome outcome = copy.check(ONE);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("auth-failures-spike");
            assertThat(f.attribute()).isEqualTo("severity");
        });
    }

    @Test
    void aTerraformAlarmWithItsOwnThresholdFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(ALARMS, "threshold           = local.alarm_definitions[\"ecs-memory-high\"].threshold", "threshold           = 70");
        RuleOutcome outcome = copy.check(ONE);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_cloudwatch_metric_alarm.ecs_memory_high");
            assertThat(f.attribute()).isEqualTo("threshold");
            assertThat(f.problem()).contains("80.0");
        });
    }

    @Test
    void anOutageAlarmThatIgnoresSilenceFailsBothRules(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(DEFINITION, "    unit: hosts\n    comparison: GreaterThanThreshold\n    missing_data: breaching",
                "    unit: hosts\n    comparison: GreaterThanThreshold\n    missing_data: notBreaching");
        RuleOutcome silence = copy.check(SILENCE);
        assertThat(silence.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_cloudwatch_metric_alarm.alb_unhealthy_hosts");
            assertThat(f.attribute()).isEqualTo("treat_missing_data");
        });
        assertThat(copy.check(ONE).findings()).anySatisfy(f -> {
            assertThat(f.resource()).isEqualTo("alb-unhealthy-hosts");
            assertThat(f.attribute()).isEqualTo("missing_data");
        });
    }

    @Test
    void anEnvironmentThatCannotSetThePagerFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace("terraform/environments/production/main.tf", "  alert_pager_endpoint     = var.alert_pager_endpoint\n", "");
        RuleOutcome outcome = copy.check(SILENCE);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("terraform/environments/production");
            assertThat(f.resource()).isEqualTo("var.alert_pager_endpoint");
        });
    }
}
