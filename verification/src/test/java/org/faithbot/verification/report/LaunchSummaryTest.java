package org.faithbot.verification.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.FeatureIndex;
import org.faithbot.verification.catalogue.ProofLevel;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.ScenarioOutcome;
import org.faithbot.verification.evidence.EvidenceLog;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.signoff.LaunchLedger;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchSummaryTest {

    private final CriteriaCatalogue catalogue = CriteriaCatalogue.load();
    private final EvidenceLog log = new EvidenceLog();

    private FeatureIndex features(Path dir) throws IOException {
        Files.writeString(dir.resolve("a.feature"), """
                Feature: f
                  @AC-1.4 @local
                  Scenario: local one
                    Given x
                  @AC-5.1 @staging
                  Scenario: staging one
                    Given y
                  @NFR-PERF-1 @local @staging
                  Scenario: both
                    Given z
                  @NFR-SCALE-5 @local
                  Scenario: left out
                    Given w
                  @AC-1.1 @local
                  Scenario: rolling drill
                    Given v
                  @AC-1.1 @staging
                  Scenario: rolling on ECS
                    Given u
                """);
        return FeatureIndex.of(dir);
    }

    private static ScenarioOutcome outcome(String name, String status, String... tags) {
        return new ScenarioOutcome(name, Set.of(tags), status, status.equals("FAILED") ? "a trace remains" : null);
    }

    @Test
    void judgesEachCriterionFromWhatRanOnTheTargetAndAtWhichLevel(@TempDir Path dir) throws IOException {
        List<ScenarioOutcome> outcomes = List.of(
                outcome("local one", "PASSED", "@AC-1.4", "@local"),
                outcome("both", "FAILED", "@NFR-PERF-1", "@local", "@staging"),
                outcome("rolling drill", "PASSED", "@AC-1.1", "@local"));
        LaunchSummary summary = LaunchSummary.of("local", catalogue, features(dir), outcomes, List.of());

        assertThat(status(summary, "AC-1.4")).isEqualTo(CriterionStatus.PASSED);
        assertThat(status(summary, "NFR-PERF-1")).isEqualTo(CriterionStatus.FAILED);
        assertThat(status(summary, "AC-1.1")).as("staging criterion shown locally").isEqualTo(CriterionStatus.REHEARSED);
        assertThat(result(summary, "AC-1.1").shownAt()).isEqualTo(ProofLevel.LOCAL);
        assertThat(status(summary, "AC-5.1")).isEqualTo(CriterionStatus.NOT_RUN_HERE);
        assertThat(status(summary, "NFR-SCALE-5")).isEqualTo(CriterionStatus.SKIPPED);
        assertThat(status(summary, "AC-2.3")).isEqualTo(CriterionStatus.NOT_COVERED);
        assertThat(status(summary, "NFR-SEC-4")).as("sign-off").isEqualTo(CriterionStatus.AWAITING_SIGN_OFF);
        assertThat(summary.verdict()).isEqualTo(LaunchGate.NOT_READY);
        assertThat(summary.render()).contains("NFR-PERF-1", "FAILED", "a trace remains", "REHEARSED", "rehearsed at local",
                        "Rehearsed (passed below the required level: not passed): AC-1.1", "Gate (local): NOT READY")
                .doesNotContain("GO");
    }

    @Test
    void passesOnlyOnEvidenceAtTheRequiredLevel(@TempDir Path dir) throws IOException {
        List<ScenarioOutcome> local = List.of(outcome("rolling drill", "PASSED", "@AC-1.1", "@local"));
        log.measured("AC-1.1", Figure.of("failed requests during the rollout", 0, "requests").equalTo(0), "local", "rolling drill");
        LaunchSummary onLocal = LaunchSummary.of("local", catalogue, features(dir), local, log.records());
        assertThat(status(onLocal, "AC-1.1")).isEqualTo(CriterionStatus.REHEARSED);
        assertThat(result(onLocal, "AC-1.1").evidence()).singleElement().extracting(Evidence::level).isEqualTo(ProofLevel.LOCAL);

        EvidenceLog staging = new EvidenceLog();
        staging.measured("AC-1.1", Figure.of("failed requests during the rollout", 0, "requests").equalTo(0), "staging", "rolling on ECS");
        LaunchSummary onStaging = LaunchSummary.of("staging", catalogue, features(dir),
                List.of(outcome("rolling on ECS", "PASSED", "@AC-1.1", "@staging")), staging.records());
        assertThat(status(onStaging, "AC-1.1")).isEqualTo(CriterionStatus.PASSED);
        assertThat(onStaging.verdict()).isEqualTo(LaunchGate.STAGING_EVIDENCE).doesNotStartWith("GO");
    }

    @Test
    void aStaticCheckOfACriterionStagingMustProveRehearsesItOnAnyTarget(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("b.feature"), """
                @static @local @staging
                Feature: g
                  @AC-5.1
                  Scenario: pitr in terraform
                    Given v
                """);
        List<ScenarioOutcome> passed = List.of(outcome("pitr in terraform", "PASSED", "@AC-5.1", "@static", "@local", "@staging"));
        assertThat(status(LaunchSummary.of("local", catalogue, FeatureIndex.of(dir), passed, List.of()), "AC-5.1"))
                .isEqualTo(CriterionStatus.REHEARSED);
        assertThat(status(LaunchSummary.of("staging", catalogue, FeatureIndex.of(dir), passed, List.of()), "AC-5.1"))
                .as("a static check run on staging is still static").isEqualTo(CriterionStatus.REHEARSED);
        assertThat(result(LaunchSummary.of("local", catalogue, FeatureIndex.of(dir), passed, List.of()), "AC-5.1").shownAt())
                .isEqualTo(ProofLevel.STATIC);
    }

    @Test
    void emulatorEvidenceOnStagingStillOnlyRehearses(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("c.feature"), """
                Feature: h
                  @AC-5.5 @staging
                  Scenario: restore drill
                    Given v
                """);
        log.measured("AC-5.5", Figure.of("tables differing after restore", 0, "tables").equalTo(0).onEmulator("moto"), "staging", "restore drill");
        LaunchSummary summary = LaunchSummary.of("staging", catalogue, FeatureIndex.of(dir),
                List.of(outcome("restore drill", "PASSED", "@AC-5.5", "@staging")), log.records());
        assertThat(status(summary, "AC-5.5")).isEqualTo(CriterionStatus.REHEARSED);
        assertThat(result(summary, "AC-5.5").shownAt()).isEqualTo(ProofLevel.EMULATOR);
    }

    @Test
    void aRecordNotMetFailsTheCriterionEvenUnderPassingScenarios(@TempDir Path dir) throws IOException {
        log.measured("AC-1.4", Figure.of("requests routed to the failing instance", 3, "requests").equalTo(0), "local", "local one");
        LaunchSummary summary = LaunchSummary.of("local", catalogue, features(dir),
                List.of(outcome("local one", "PASSED", "@AC-1.4", "@local")), log.records());
        assertThat(status(summary, "AC-1.4")).isEqualTo(CriterionStatus.FAILED);
        assertThat(result(summary, "AC-1.4").failures()).singleElement().asString().contains("NOT MET");
        assertThat(UnverifiedCriteria.statusOf(result(summary, "AC-1.4"))).as("shown red in Allure").isEqualTo(io.qameta.allure.model.Status.FAILED);
    }

    @Test
    void aRunOfOnlySomeOfACriterionsScenariosIsPartial(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("d.feature"), """
                Feature: i
                  @AC-1.4 @local
                  Scenario: second health check
                    Given v
                """);
        LaunchSummary summary = LaunchSummary.of("local", catalogue, features(dir),
                List.of(outcome("local one", "PASSED", "@AC-1.4", "@local")), List.of());
        assertThat(status(summary, "AC-1.4")).isEqualTo(CriterionStatus.PARTIAL);
        assertThat(result(summary, "AC-1.4").reason()).isEqualTo("1 of its 2 scenarios for this target ran");
        assertThat(UnverifiedCriteria.statusOf(result(summary, "AC-1.4"))).isEqualTo(io.qameta.allure.model.Status.SKIPPED);
    }

    @Test
    void aSkippedScenarioKeepsTheCriterionSkippedEvenWhenAnotherPassed(@TempDir Path dir) throws IOException {
        List<ScenarioOutcome> outcomes = List.of(
                outcome("local one", "PASSED", "@AC-1.4", "@local"),
                outcome("local two", "SKIPPED", "@AC-1.4", "@local"));
        LaunchSummary summary = LaunchSummary.of("local", catalogue, features(dir), outcomes, List.of());
        assertThat(status(summary, "AC-1.4")).isEqualTo(CriterionStatus.SKIPPED);
    }

    @Test
    void summaryJsonCarriesEachCriterionsLevelWhyEvidenceAndTheGate(@TempDir Path dir) throws IOException {
        log.measured("AC-1.1", Figure.of("failed requests during the rollout", 0, "requests").equalTo(0), "local", "rolling drill");
        LaunchSummary summary = LaunchSummary.of("local", "0123abc", catalogue, features(dir),
                List.of(outcome("rolling drill", "PASSED", "@AC-1.1", "@local")), log.records());
        JsonNode json = new ObjectMapper().readTree(summary.json());

        assertThat(json.path("target").asText()).isEqualTo("local");
        assertThat(json.path("commit").asText()).isEqualTo("0123abc");
        assertThat(json.path("gate").asText()).isEqualTo("local");
        assertThat(json.path("verdict").asText()).isEqualTo("NOT READY");
        assertThat(json.path("blockers").size()).isPositive();
        assertThat(json.path("counts").path("byStatus").path("REHEARSED").asInt()).isEqualTo(1);
        assertThat(json.path("counts").path("byRequiredLevel").path("staging").asInt()).isPositive();
        assertThat(json.path("counts").path("evidenceByLevel").path("local").asInt()).isEqualTo(1);
        JsonNode ac11 = null;
        for (JsonNode c : json.path("criteria")) {
            assertThat(c.path("requiredLevel").asText()).as(c.path("id").asText()).isNotBlank();
            assertThat(c.path("why").asText()).as(c.path("id").asText()).isNotBlank();
            assertThat(c.path("status").asText()).isNotBlank();
            if (c.path("id").asText().equals("AC-1.1")) {
                ac11 = c;
            }
        }
        assertThat(json.path("criteria").size()).isEqualTo(catalogue.all().size());
        assertThat(ac11).isNotNull();
        assertThat(ac11.path("status").asText()).isEqualTo("REHEARSED");
        assertThat(ac11.path("requiredLevel").asText()).isEqualTo("staging");
        assertThat(ac11.path("shownAt").asText()).isEqualTo("local");
        JsonNode record = ac11.path("evidence").get(0);
        assertThat(record.path("level").asText()).isEqualTo("local");
        assertThat(record.path("passed").asBoolean()).isTrue();
        assertThat(record.path("recordedAt").asText()).isNotBlank();
        assertThat(record.path("commit").asText()).isEqualTo("0123abc");
    }

    private static CriterionResult result(LaunchSummary summary, String id) {
        return summary.results().stream().filter(r -> r.criterion().id().equals(id)).findFirst().orElseThrow();
    }

    private static CriterionStatus status(LaunchSummary summary, String id) {
        return result(summary, id).status();
    }

    @Test
    void aLocalRunWhereEverythingPassesStillProvesNothingAboveLocal() {
        FeatureIndex all = FeatureIndex.of(Targets.projectRoot().resolve("features"));
        List<ScenarioOutcome> everyLocalScenarioPassed = all.scenarios().stream().filter(s -> s.runsOn("local") && !s.tags().contains("@wip"))
                .map(s -> new ScenarioOutcome(s.name(), s.tags(), "PASSED", null)).toList();
        LaunchSummary summary = LaunchSummary.of("local", "abc", Instant.now(), catalogue, all, everyLocalScenarioPassed, List.of(),
                LaunchLedger.of(Targets.projectRoot(), catalogue, Instant.now()));
        assertThat(summary.results()).allSatisfy(r -> {
            assertThat(r.criterion().level()).as(r.criterion().id() + " is " + r.status()).isNotNull();
            if (r.status() == CriterionStatus.PASSED) {
                assertThat(r.criterion().level()).as(r.criterion().id()).isIn(ProofLevel.STATIC, ProofLevel.LOCAL);
            }
        });
        for (String rehearsed : List.of("AC-1.1", "AC-4.5", "AC-5.4")) {
            assertThat(summary.results().stream().filter(r -> r.criterion().id().equals(rehearsed)).findFirst().orElseThrow().status())
                    .as(rehearsed).isEqualTo(CriterionStatus.REHEARSED);
        }
        assertThat(summary.verdict()).doesNotStartWith("GO");
    }
}
