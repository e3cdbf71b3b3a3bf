package org.faithbot.verification.chaos;

import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staging game day's dry run: every experiment with an FIS template, in the game day's order, with its alarms named
 * as the Terraform names them, its calls in order, and its cost from its actions' durations at FIS's price.
 */
class GameDayDryRunTest {

    private final ExperimentCatalogue catalogue = ExperimentCatalogue.load(Targets.projectRoot().resolve("chaos-experiments"));
    private final GameDayDryRun dryRun = new GameDayDryRun("chatbot-staging", "eu-central-1", Duration.ofSeconds(5), Duration.ofSeconds(15), 0.10, 0.01);

    @Test
    void everyExperimentWithATemplateIsPlannedWithItsActionMinutesAndCallsInOrder() {
        List<GameDayDryRun.Planned> planned = dryRun.plan(catalogue, id -> true);
        assertThat(planned).extracting(p -> p.experiment().id())
                .containsExactlyElementsOf(catalogue.all().stream().filter(e -> e.fis() != null).map(Experiment::id).toList());
        GameDayDryRun.Planned frozen = planned.stream().filter(p -> p.experiment().id().equals("instance-frozen")).findFirst().orElseThrow();
        assertThat(frozen.actionMinutes()).as("one action of PT2M").isEqualTo(2);
        assertThat(frozen.calls()).extracting(c -> c.substring(0, c.indexOf(' ')))
                .containsExactly("fis:ListExperimentTemplates", "fis:GetExperimentTemplate", "cloudwatch:DescribeAlarms", "fis:StartExperiment",
                        "fis:GetExperiment", "fis:StopExperiment", "cloudwatch:DescribeAlarmHistory");
        GameDayDryRun.Planned killed = planned.stream().filter(p -> p.experiment().id().equals("instance-killed")).findFirst().orElseThrow();
        assertThat(killed.actionMinutes()).as("stopping a task has no duration: one minute, an upper bound").isEqualTo(1);
    }

    @Test
    void theDescriptionNamesTheAlarmsAndAddsUpTheCost() {
        List<GameDayDryRun.Planned> planned = dryRun.plan(catalogue, id -> id.equals("instance-frozen") || id.equals("database-errors"));
        String text = dryRun.describe(planned);
        long minutes = planned.stream().mapToLong(GameDayDryRun.Planned::actionMinutes).sum();
        assertThat(text).contains("2 experiments with an FIS template").contains("[chatbot-staging-alb-5xx-rate")
                .contains("must page: [chatbot-staging-alb-unhealthy-hosts] within 5 min").contains("ChaosAllowed=true")
                .contains("Estimated cost: FIS " + minutes + " action-minutes x $0.1 = $" + GameDayDryRun.dollars(minutes * 0.10));
        assertThat(dryRun.describe(dryRun.plan(catalogue, id -> false))).contains("0 experiments").contains("total about $0");
    }

    @Test
    void durationsAreIso8601AndMoneyIsRounded() {
        assertThat(GameDayDryRun.duration("PT2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(GameDayDryRun.duration("")).isZero();
        assertThat(GameDayDryRun.duration("two minutes")).isZero();
        assertThat(GameDayDryRun.dollars(1.234)).isEqualTo("1.23");
        assertThat(GameDayDryRun.dollars(0.00123)).isEqualTo("0.0012");
    }
}
