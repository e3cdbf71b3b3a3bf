package org.faithbot.verification.report;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.FeatureIndex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchSummaryTest {

    private final CriteriaCatalogue catalogue = CriteriaCatalogue.load();

    private FeatureIndex features(Path dir) throws IOException {
        Files.writeString(dir.resolve("a.feature"), """
                Feature: f
                  @AC-1.4 @local
                  Scenario: local one
                    Given x
                  @AC-5.1 @staging
                  Scenario: staging one
                    Given y
                  @AC-4.5 @local @staging
                  Scenario: both
                    Given z
                  @AC-1.6 @local
                  Scenario: left out
                    Given w
                """);
        return FeatureIndex.of(dir);
    }

    @Test
    void judgesEachCriterionFromWhatRanOnTheTarget(@TempDir Path dir) throws IOException {
        List<ScenarioOutcome> outcomes = List.of(
                new ScenarioOutcome("local one", Set.of("@AC-1.4", "@local"), "PASSED", null),
                new ScenarioOutcome("both", Set.of("@AC-4.5", "@local", "@staging"), "FAILED", "a trace remains"));
        LaunchSummary summary = LaunchSummary.of("local", catalogue, features(dir), outcomes, List.of());

        assertThat(status(summary, "AC-1.4")).isEqualTo(CriterionStatus.PASSED);
        assertThat(status(summary, "AC-4.5")).isEqualTo(CriterionStatus.FAILED);
        assertThat(status(summary, "AC-5.1")).isEqualTo(CriterionStatus.STAGING_ONLY);
        assertThat(status(summary, "AC-1.6")).isEqualTo(CriterionStatus.SKIPPED);
        assertThat(status(summary, "AC-1.1")).isEqualTo(CriterionStatus.NOT_COVERED);
        assertThat(summary.verdict()).isEqualTo("NO-GO");
        assertThat(summary.counts().get(CriterionStatus.NOT_COVERED)).isEqualTo(catalogue.all().size() - 4);
        assertThat(summary.render()).contains("AC-4.5", "FAILED", "a trace remains", "Verdict: NO-GO");
    }

    @Test
    void aSkippedScenarioNeverCountsAsPassed(@TempDir Path dir) throws IOException {
        List<ScenarioOutcome> outcomes = List.of(new ScenarioOutcome("local one", Set.of("@AC-1.4", "@local"), "SKIPPED", null));
        LaunchSummary summary = LaunchSummary.of("local", catalogue, features(dir), outcomes, List.of());
        assertThat(status(summary, "AC-1.4")).isEqualTo(CriterionStatus.SKIPPED);
    }

    @Test
    void aSkippedScenarioKeepsTheCriterionSkippedEvenWhenAnotherPassed(@TempDir Path dir) throws IOException {
        List<ScenarioOutcome> outcomes = List.of(
                new ScenarioOutcome("local one", Set.of("@AC-1.4", "@local"), "PASSED", null),
                new ScenarioOutcome("local two", Set.of("@AC-1.4", "@local"), "SKIPPED", null));
        LaunchSummary summary = LaunchSummary.of("local", catalogue, features(dir), outcomes, List.of());
        assertThat(status(summary, "AC-1.4")).isEqualTo(CriterionStatus.SKIPPED);
    }

    @Test
    void whatPassesLocallyOfACriterionOnlyStagingCanJudgeNeverPassesIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.feature"), """
                Feature: g
                  @AC-5.1 @static @local @staging
                  Scenario: pitr in terraform
                    Given v
                """);
        List<ScenarioOutcome> passed = List.of(new ScenarioOutcome("pitr in terraform", Set.of("@AC-5.1", "@static"), "PASSED", null));
        assertThat(status(LaunchSummary.of("local", catalogue, features(dir), passed, List.of()), "AC-5.1"))
                .isEqualTo(CriterionStatus.STAGING_ONLY);
        assertThat(status(LaunchSummary.of("staging", catalogue, features(dir), passed, List.of()), "AC-5.1"))
                .isEqualTo(CriterionStatus.PASSED);
        List<ScenarioOutcome> failed = List.of(new ScenarioOutcome("pitr in terraform", Set.of("@AC-5.1", "@static"), "FAILED", "no PITR"));
        assertThat(status(LaunchSummary.of("local", catalogue, features(dir), failed, List.of()), "AC-5.1"))
                .isEqualTo(CriterionStatus.FAILED);
    }

    private static CriterionStatus status(LaunchSummary summary, String id) {
        return summary.results().stream().filter(r -> r.criterion().id().equals(id)).findFirst().orElseThrow().status();
    }
}
