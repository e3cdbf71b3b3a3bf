package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** NFR-OPS-1: the four dashboards exist, each with its panels; a panel taken away, or a graphed metric nobody makes, fails the rule, named. */
class DashboardPanelsViolationTest {

    private static final String RULE = "four-dashboards";
    private static final String DASHBOARDS = "terraform/modules/monitoring/dashboards.tf";
    private static final String ALARMS = "terraform/modules/monitoring/alarms.tf";

    @Test
    void theRepositoryHolds(@TempDir Path dir) {
        RuleOutcome outcome = PlantedRepository.copyInto(dir).check(RULE);
        assertThat(outcome.passed()).as(outcome.describe()).isTrue();
        assertThat(outcome.inspected()).containsExactly("aws_cloudwatch_dashboard.executive", "aws_cloudwatch_dashboard.operations",
                "aws_cloudwatch_dashboard.security", "aws_cloudwatch_dashboard.performance");
    }

    @Test
    void thePerformanceDashboardWithoutTheChatPercentilesFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(DASHBOARDS, "stats pct(ms, 95) as p95, pct(ms, 99) as p99", "stats avg(ms) as mean");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_cloudwatch_dashboard.performance");
            assertThat(f.problem()).contains("chat p95 / p99");
        });
    }

    @Test
    void theOperationsCpuPanelWithoutItsThresholdLineFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(DASHBOARDS, "horizontal = [{ label = \"Warning 80 %\", value = var.resource_utilisation_threshold_percent }]",
                "horizontal = []");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_cloudwatch_dashboard.operations");
            assertThat(f.problem()).contains("CPU and memory against 80 %");
        });
    }

    @Test
    void aMissingSecurityDashboardFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(DASHBOARDS, "dashboard_name = \"${var.name}-security\"", "dashboard_name = \"${var.name}-safety\"");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(Finding::problem).containsExactly("no security dashboard");
    }

    @Test
    void aGraphedMetricNoFilterMakesFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        copy.replace(ALARMS, "name          = \"AuthenticationFailures\"", "name          = \"AuthFailures\"");
        RuleOutcome outcome = copy.check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).isEqualTo("aws_cloudwatch_dashboard.security");
            assertThat(f.problem()).contains("AuthenticationFailures", "no metric filter");
        });
    }
}
