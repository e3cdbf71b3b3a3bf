package org.faithbot.verification.evidence;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
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
        });
        assertThat(log.records()).hasSize(1);
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
