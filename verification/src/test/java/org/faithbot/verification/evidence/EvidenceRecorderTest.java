package org.faithbot.verification.evidence;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.ProofLevel;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EvidenceRecorderTest {

    private final EvidenceLog log = new EvidenceLog();
    private final CriteriaCatalogue catalogue = CriteriaCatalogue.load();

    private EvidenceRecorder recorder(String... tags) {
        return new EvidenceRecorder(log, catalogue.figures(), CriteriaCatalogue.criteriaOf(List.of(tags)), "local", "a scenario");
    }

    @Test
    void recordsAFigureUnderTheScenariosCriteriaOnItsTargetInItsName() {
        List<Evidence> recorded = recorder("@US-3", "@NFR-PERF-1", "@local").record("chat.smoke",
                Figure.of("chat latency p95 (smoke)", 120, "ms").lessThan(3000).when("1 user"));
        assertThat(recorded).singleElement().satisfies(e -> {
            assertThat(e.criterion()).isEqualTo("NFR-PERF-1");
            assertThat(e.target()).isEqualTo("local");
            assertThat(e.scenario()).isEqualTo("a scenario");
            assertThat(e.conditions()).isEqualTo("1 user");
            assertThat(e.passed()).isTrue();
            assertThat(e.level()).isEqualTo(ProofLevel.LOCAL);
            assertThat(e.emulator()).isNull();
        });
        assertThat(log.records()).hasSize(1);
    }

    @Test
    void aRecordsLevelIsItsTargetsOrStaticForAStaticCheck() {
        EvidenceRecorder staging = new EvidenceRecorder(log, catalogue.figures(), List.of("AC-5.1"), "staging", "s");
        assertThat(staging.record("recovery.pitr", Figure.of("tables without PITR", 0, "tables").equalTo(0)))
                .singleElement().extracting(Evidence::level).isEqualTo(ProofLevel.STAGING);
        assertThat(staging.checkedStaticallyUnder("AC-5.1", "PITR enabled in the Terraform", true).level()).isEqualTo(ProofLevel.STATIC);
    }

    @Test
    void aFigureMeasuredOnAnEmulatorHasTheEmulatorLevelWhateverTheTarget() {
        Evidence one = recorder("@AC-5.4").record("recovery.rto", Figure.of("RTO", 40, "s").lessThan(900).onEmulator("moto")).getFirst();
        assertThat(one.level()).isEqualTo(ProofLevel.EMULATOR);
        assertThat(one.emulator()).isEqualTo("moto");
        assertThat(one.describe()).contains("against the emulator moto");

        EvidenceRecorder onMoto = new EvidenceRecorder(log, catalogue.figures(), List.of("AC-5.5"), "staging", "s").onEmulator("moto");
        assertThat(onMoto.record("recovery.integrity", Figure.of("tables differing", 0, "tables").equalTo(0)))
                .singleElement().extracting(Evidence::level).isEqualTo(ProofLevel.EMULATOR);
        assertThat(onMoto.checkedStaticallyUnder("AC-5.6", "runbook exists", true).level()).isEqualTo(ProofLevel.STATIC);

        assertThat(log.measured("AC-5.4", Figure.of("RPO", 0, "s").atMost(300).onEmulator("moto"), "local", "s").level())
                .isEqualTo(ProofLevel.EMULATOR);
    }

    @Test
    void theCommitIsStampedOnTheRecordsWhenTheLogIsWritten(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        recorder("@NFR-PERF-1").record("chat.smoke", Figure.of("p95", 10, "ms").lessThan(3000));
        java.nio.file.Path file = dir.resolve("evidence.json");
        log.writeTo(file, "abc1234");
        String json = java.nio.file.Files.readString(file);
        assertThat(json).contains("\"level\" : \"local\"", "\"commit\" : \"abc1234\"", "\"recordedAt\"");
        assertThat(log.records().getFirst().commit()).isNull();
    }

    @Test
    void aFigureOnlyReportedHasNoThresholdAndIsNeverNotMet() {
        Evidence e = recorder("@NFR-PERF-1").record("chat.smoke", Figure.of("chat latency max (smoke)", 9000, "ms")).getFirst();
        assertThat(e.threshold()).isNull();
        assertThat(e.comparator()).isNull();
        assertThat(e.passed()).isTrue();
        assertThat(e.describe()).contains("reported, not judged");
    }

    @Test
    void requireRecordsEveryFigureThenFailsNamingTheOnesNotMet() {
        EvidenceRecorder recorder = recorder("@NFR-PERF-1");
        assertThatThrownBy(() -> recorder.require("chat.smoke",
                Figure.of("p95", 4000, "ms").lessThan(3000), Figure.of("p50", 10, "ms").lessThan(3000)))
                .isInstanceOf(AssertionError.class).hasMessageContaining("p95 = 4000 ms").hasMessageNotContaining("p50");
        assertThat(log.records()).hasSize(2);
    }

    @Test
    void aFigureTypedAsOneEqualsOneWithNoUnitIsRefusedAndNothingIsRecorded() {
        EvidenceRecorder recorder = recorder("@NFR-AVAIL-4");
        assertThatThrownBy(() -> recorder.record("deployment.completed", Figure.of("rolling deployment completed", 1, "").equalTo(1.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'rolling deployment completed' under deployment.completed is typed, not measured")
                .hasMessageContaining("value 1 against threshold 1 with no unit");
        assertThatThrownBy(() -> recorder.require("chaos.guard-rails", Figure.of("template passes", 1, " ").atLeast(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(log.records()).isEmpty();
    }

    @Test
    void aOneWithAUnitOrAgainstAnotherThresholdOrOnlyReportedIsAMeasurementAndIsRecorded() {
        EvidenceRecorder recorder = recorder("@NFR-PERF-1");
        recorder.record("chat.smoke", Figure.of("instances of the previous release still running", 1, "instances").equalTo(0));
        recorder.record("chat.smoke", Figure.of("servers in rotation running the release", 1, "servers").atLeast(1));
        recorder.record("chat.smoke", Figure.of("a ratio", 1, "").lessThan(2));
        recorder.record("chat.smoke", Figure.of("a ratio, reported", 1, ""));
        assertThat(log.records()).hasSize(4);
    }

    @Test
    void aRecordNotMetIsKeptInTheLogAsNotMetAndTheStepThatAssertsItFails() {
        EvidenceRecorder recorder = recorder("@AC-5.3");
        List<Evidence> recorded = recorder.record("recovery.runbook-commands",
                Figure.of("runbook commands the drill ran that failed", 2, "commands").equalTo(0).when("bin/dr restore | bin/dr verify"));
        assertThat(log.records()).singleElement().satisfies(e -> {
            assertThat(e.criterion()).isEqualTo("AC-5.3");
            assertThat(e.passed()).isFalse();
            assertThat(e.value()).isEqualTo(2);
            assertThat(e.describe()).endsWith("** NOT MET **");
        });
        assertThatThrownBy(() -> EvidenceRecorder.requireMet(recorded)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("runbook commands the drill ran that failed = 2 commands (threshold == 0 commands)");
    }

    @Test
    void aSelfTestScenarioWithoutCriterionTagsFallsBackAsCriteriaYamlSays() {
        Evidence e = recorder("@selftest").record("privacy.erasure", Figure.of("attributes left", 1, "attributes").equalTo(0)).getFirst();
        assertThat(e.criterion()).isEqualTo("AC-4.5");
        assertThat(e.passed()).isFalse();
    }

    @Test
    void aJudgedFigureNeedsBothComparatorAndThreshold() {
        assertThatThrownBy(() -> new Figure("x", 1, "", Comparator.LESS_THAN, null, "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Figure.of("x", 1, "").judged(Comparator.LESS_THAN, null).judged()).isFalse();
    }
}
