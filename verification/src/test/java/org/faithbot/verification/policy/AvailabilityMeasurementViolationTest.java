package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * NFR-AVAIL-1 and NFR-AVAIL-3: what will measure availability and count incidents in production. A missing health
 * check, one that calls another domain or no health endpoint, an availability alarm whose threshold is not its burn
 * rate's, whose target is laxer than 99.9 %, that is not in us-east-1 or averages another window, a monitoring call
 * that passes no us-east-1 provider, and an incident pipeline missing a piece or wired to the wrong one each fail
 * their rule, named.
 */
class AvailabilityMeasurementViolationTest {

    private static final String SLO = "availability-slo-measured-from-outside";
    private static final String INCIDENTS = "incidents-counted-for-mtbf";
    private static final String DEFINITION = "terraform/modules/monitoring/alarms.yaml";
    private static final String SLO_TF = "terraform/modules/monitoring/slo.tf";
    private static final String ALARMS = "terraform/modules/monitoring/alarms.tf";
    private static final String PLATFORM = "terraform/modules/platform/main.tf";

    @Test
    void theRepositoryHolds(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        RuleOutcome slo = copy.check(SLO);
        assertThat(slo.passed()).as(slo.describe()).isTrue();
        assertThat(slo.inspected()).contains("aws_route53_health_check.api", "slo availability-fast-burn", "slo availability-slow-burn",
                "aws_cloudwatch_metric_alarm.availability_fast_burn", "aws_cloudwatch_metric_alarm.availability_slow_burn",
                "aws_sns_topic.alerts_us_east_1", "module.monitoring providers");
        RuleOutcome incidents = copy.check(INCIDENTS);
        assertThat(incidents.passed()).as(incidents.describe()).isTrue();
        assertThat(incidents.inspected()).contains("incident alb-no-healthy-hosts", "incident alb-5xx-rate",
                "aws_cloudwatch_composite_alarm.incident", "aws_cloudwatch_event_rule.incidents", "aws_cloudwatch_log_group.incidents");
    }

    @Test
    void aHealthCheckOtherThanHttpsOrNoneFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(SLO_TF, "  type              = \"HTTPS\"", "  type              = \"TCP\"");
        RuleOutcome outcome = copy.check(SLO);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_route53_health_check.api");
            assertThat(f.attribute()).isEqualTo("type");
        });
        PlantedRepository without = PlantedRepository.copyInto(dir.resolve("without"));
        without.replace(SLO_TF, "resource \"aws_route53_health_check\" \"api\" {", "resource \"aws_route53_zone\" \"api\" {");
        assertThat(without.check(SLO).findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_route53_health_check");
            assertThat(f.problem()).contains("measured by nothing");
        });
    }

    @Test
    void aHealthCheckOfAnotherDomainOrPathFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(PLATFORM, "health_check_fqdn           = var.api_domain_name", "health_check_fqdn           = var.assets_domain_name");
        copy.replace(PLATFORM, "health_check_path           = module.alb.health_check_path", "health_check_path           = \"/\"");
        RuleOutcome outcome = copy.check(SLO);
        assertThat(outcome.findings()).extracting(f -> f.resource() + " " + f.attribute()).containsExactlyInAnyOrder(
                "module.monitoring health_check_fqdn", "aws_route53_health_check.api resource_path");
    }

    @Test
    void aThresholdThatIsNotTheBurnRatesFailsOnTheDefinition(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(DEFINITION, "    threshold: 98.56\n", "    threshold: 95\n");
        RuleOutcome outcome = copy.check(SLO);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(DEFINITION);
            assertThat(f.resource()).isEqualTo("availability-fast-burn");
            assertThat(f.attribute()).isEqualTo("threshold");
            assertThat(f.problem()).contains("98.56");
        });
    }

    @Test
    void aLaxerTargetFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(DEFINITION, "    threshold: 99.4\n", "    threshold: 97\n");
        copy.replace(DEFINITION, "slo: { target: 99.9, budget_days: 30, burn_rate: 6,", "slo: { target: 99.5, budget_days: 30, burn_rate: 6,");
        RuleOutcome outcome = copy.check(SLO);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("availability-slow-burn");
            assertThat(f.attribute()).isEqualTo("slo.target");
        });
    }

    @Test
    void anAlarmOutsideUsEast1OrOverAnotherWindowFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(ALARMS, "resource \"aws_cloudwatch_metric_alarm\" \"availability_fast_burn\" {\n  provider = aws.us_east_1\n",
                "resource \"aws_cloudwatch_metric_alarm\" \"availability_fast_burn\" {\n");
        copy.replace(ALARMS, "      period      = local.alarm_definitions[\"availability-slow-burn\"].slo.window_minutes * 60",
                "      period      = 3600");
        RuleOutcome outcome = copy.check(SLO);
        assertThat(outcome.findings()).extracting(f -> f.resource() + " " + f.attribute()).containsExactlyInAnyOrder(
                "aws_cloudwatch_metric_alarm.availability_fast_burn provider", "aws_cloudwatch_metric_alarm.availability_slow_burn period");
    }

    @Test
    void aCallWithoutTheUsEast1ProviderFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(PLATFORM, "  source = \"../monitoring\"\n  providers = {\n    aws           = aws\n    aws.us_east_1 = aws.us_east_1\n  }\n",
                "  source = \"../monitoring\"\n");
        RuleOutcome outcome = copy.check(SLO);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(PLATFORM);
            assertThat(f.attribute()).isEqualTo("providers");
        });
    }

    @Test
    void anAvailabilityTopicThatDoesNotPageFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(SLO_TF, "  topic_arn              = aws_sns_topic.alerts_us_east_1.arn\n  protocol               = \"https\"",
                "  topic_arn              = aws_sns_topic.alerts_us_east_1.arn\n  protocol               = \"email\"");
        RuleOutcome outcome = copy.check(SLO);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_sns_topic.alerts_us_east_1");
            assertThat(f.attribute()).isEqualTo("subscription");
        });
    }

    @Test
    void anOutageNotCountedAsAnIncidentFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(DEFINITION, "    silence_is_outage: true\n    incident: true\n", "    silence_is_outage: true\n");
        RuleOutcome outcome = copy.check(INCIDENTS);
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("alb-no-healthy-hosts");
            assertThat(f.attribute()).isEqualTo("incident");
        });
    }

    @Test
    void anIncidentPipelineMissingAPieceFailsThere(@TempDir Path dir) {
        PlantedRepository rule = PlantedRepository.copyInto(dir.resolve("rule"));
        rule.replace(SLO_TF, "    resources     = [aws_cloudwatch_composite_alarm.incident.arn]\n", "");
        assertThat(rule.check(INCIDENTS).findings()).singleElement().satisfies(f -> assertThat(f.resource()).isEqualTo("aws_cloudwatch_event_rule"));

        PlantedRepository target = PlantedRepository.copyInto(dir.resolve("target"));
        target.replace(SLO_TF, "  arn       = aws_cloudwatch_log_group.incidents.arn", "  arn       = aws_sns_topic.alerts.arn");
        assertThat(target.check(INCIDENTS).findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_cloudwatch_event_rule.incidents");
            assertThat(f.attribute()).isEqualTo("target");
        });

        PlantedRepository filter = PlantedRepository.copyInto(dir.resolve("filter"));
        filter.replace(SLO_TF, "    name          = \"Incidents\"", "    name          = \"Outages\"");
        assertThat(filter.check(INCIDENTS).findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_cloudwatch_log_group.incidents");
            assertThat(f.attribute()).isEqualTo("metric_filter");
        });

        PlantedRepository policy = PlantedRepository.copyInto(dir.resolve("policy"));
        policy.replace(ALARMS, ", \"${aws_cloudwatch_log_group.incidents.arn}:*\"]", "]");
        assertThat(policy.check(INCIDENTS).findings()).singleElement().satisfies(f -> assertThat(f.attribute()).isEqualTo("resource_policy"));

        PlantedRepository composite = PlantedRepository.copyInto(dir.resolve("composite"));
        composite.replace(SLO_TF, "  alarm_rule        = join(\" OR \", [for k in local.incident_alarm_keys : \"ALARM(\\\"${local.alarms[k].alarm_name}\\\")\"])",
                "  alarm_rule        = \"ALARM(\\\"${local.alarms[\"alb-5xx-rate\"].alarm_name}\\\")\"");
        assertThat(composite.check(INCIDENTS).findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_cloudwatch_composite_alarm");
            assertThat(f.attribute()).isEqualTo("alarm_rule");
        });
    }
}
