package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AC-3.5: an alarm threshold laxer than the requirements' (5 % 5xx, 80 % CPU and memory) fails the rule, named, whether
 * it comes from the one definition (alarms.yaml) or from a caller of the module.
 */
class AlarmThresholdViolationTest {

    private static final String RULE = "alarm-thresholds-as-required";
    private static final String DEFINITION = "terraform/modules/monitoring/alarms.yaml";
    private static final String PLATFORM = "terraform/modules/platform/main.tf";

    @Test
    void theRepositoryHolds(@TempDir Path dir) {
        RuleOutcome outcome = PlantedRepository.copyInto(dir).check(RULE);
        assertThat(outcome.passed()).as(outcome.describe()).isTrue();
        assertThat(outcome.inspected()).contains("aws_cloudwatch_metric_alarm.alb_5xx_rate", "aws_cloudwatch_metric_alarm.ecs_cpu_high",
                "aws_cloudwatch_metric_alarm.ecs_memory_high");
    }

    @Test
    void aLaxerErrorRateInTheDefinitionFailsOnTheAlarm(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(DEFINITION, "severity: critical\n    threshold: 5\n", "severity: critical\n    threshold: 10\n");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_cloudwatch_metric_alarm.alb_5xx_rate");
            assertThat(f.attribute()).isEqualTo("threshold");
        });
    }

    @Test
    void aCallerPassingALaxerUtilisationThresholdFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(PLATFORM, "source = \"../monitoring\"", "source = \"../monitoring\"\n  resource_utilisation_threshold_percent = 95");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).anySatisfy(f -> {
            assertThat(f.file()).isEqualTo(PLATFORM);
            assertThat(f.attribute()).isEqualTo("resource_utilisation_threshold_percent");
        });
    }
}
