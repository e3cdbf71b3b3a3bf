package org.faithbot.verification.load;

import org.faithbot.verification.evidence.Comparator;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.EvidenceLog;
import org.faithbot.verification.evidence.Figure;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** This run's figures against the committed baseline of its host's speed: judged when the host is comparable, only recorded otherwise. */
class PerformanceBaselineComparisonTest {

    private static final HostSpeed FAST = new HostSpeed(800, 100, 50);
    private static final HostSpeed SLOW = new HostSpeed(800, 500, 50);

    private final EvidenceLog log = new EvidenceLog();
    private final List<Figure> recorded = new ArrayList<>();

    private List<Evidence> record(Figure figure) {
        recorded.add(figure);
        return List.of(log.measured("AC-3.6", figure, "local", "a scenario"));
    }

    private static PerformanceBaselines baselines() {
        return new PerformanceBaselines("", List.of(new PerformanceBaseline("fast day",
                new PerformanceBaseline.HostReference(HostSpeed.WORKLOAD, 800, 100, 30),
                List.of(new PerformanceBaseline.Entry("users-1000.chat-p95-ms", "NFR-PERF-1", "chat p95", "ms", 287, "lower", 50, 100),
                        new PerformanceBaseline.Entry("capacity.highest-sustained-rate", "NFR-PERF-3", "capacity", "requests/s", 200, "higher",
                                20, 0)))));
    }

    private static Map<String, PerformanceBaseline.Figure> figures(double p95, HostSpeed users, double capacity, HostSpeed capacityHost) {
        Map<String, PerformanceBaseline.Figure> figures = new LinkedHashMap<>();
        figures.put("users-1000.chat-p95-ms", new PerformanceBaseline.Figure(p95, users));
        figures.put("capacity.highest-sustained-rate", new PerformanceBaseline.Figure(capacity, capacityHost));
        return figures;
    }

    @Test
    void onAComparableHostEachFigureIsJudgedAgainstItsLimitThenTheHostSpeedIsRecorded() {
        BaselineComparison.Outcome outcome = new BaselineComparison(baselines(), figures(300.004, FAST, 150, FAST)).judge(this::record);
        assertThat(recorded).extracting(Figure::metric).containsExactly("chat p95 vs baseline", "capacity vs baseline",
                "host speed over the load users-1000: memory step, CPU time", "host speed over the load users-1000: compute unit, CPU time",
                "host speed over the load capacity: memory step, CPU time", "host speed over the load capacity: compute unit, CPU time");
        Figure p95 = recorded.getFirst();
        assertThat(p95.value()).isEqualTo(300.0);
        assertThat(p95.comparator()).isEqualTo(Comparator.AT_MOST);
        assertThat(p95.threshold()).isEqualTo(530.5);
        assertThat(p95.conditions()).isEqualTo("baseline 287 ms, lower is better, tolerance +50 % + 100 ms; baseline measured on fast day");
        assertThat(recorded.get(1).threshold()).isEqualTo(160.0);
        assertThat(recorded.subList(2, 6)).noneMatch(Figure::judged);
        assertThat(recorded.get(2).conditions()).startsWith(FAST.describe() + "; compute 1.00x, memory 1.00x the baseline host's (");
        assertThat(outcome.regressions()).singleElement().asString().contains("capacity vs baseline");
        assertThat(outcome.notComparable()).isEmpty();
    }

    @Test
    void onAHostNoBaselineAdmitsTheFiguresAreRecordedNotJudgedAndTheComparisonIsNotConclusive() {
        BaselineComparison.Outcome outcome = new BaselineComparison(baselines(), figures(900, SLOW, 150, SLOW)).judge(this::record);
        assertThat(recorded.getFirst().metric()).isEqualTo("chat p95 (not judged: no baseline for a host of its load's speed)");
        assertThat(recorded.getFirst().judged()).isFalse();
        assertThat(recorded.getFirst().conditions()).endsWith("; limit 530.5 ms not applied");
        assertThat(outcome.regressions()).isEmpty();
        assertThat(outcome.notComparable()).get().asString()
                .startsWith("not comparable with a baseline: no committed baseline was measured on a host of this speed (nearest: measured on fast day")
                .contains("this run's loads: users-1000: compute 1.00x, memory 5.00x the baseline host's; capacity: compute 1.00x, memory 5.00x")
                .contains("so these figures are recorded and not judged: users-1000.chat-p95-ms 900.0 ms (limit 530.5), "
                        + "capacity.highest-sustained-rate 150.0 requests/s (limit 160.0)")
                .doesNotContain("figures judged held")
                .endsWith(". Re-baseline on this host to compare runs of its speed (docs/performance.md)");
    }

    @Test
    void aLoadWhoseHostChangedSpeedIsNotJudgedWhileTheOthersAre() {
        HostSpeed fasterBeyondTheTolerance = new HostSpeed(800, 70, 50); // the run's speed is the median (here the slower) of its loads'
        BaselineComparison.Outcome outcome = new BaselineComparison(baselines(), figures(300, FAST, 250, fasterBeyondTheTolerance)).judge(this::record);
        assertThat(recorded.get(0).judged()).isTrue();
        assertThat(recorded.get(1).judged()).isFalse();
        assertThat(outcome.regressions()).isEmpty();
        assertThat(outcome.notComparable()).get().asString().contains("; the 1 figures judged held.");
    }

    @Test
    void aRunWithoutOneOfTheBaselinesFiguresFails() {
        Map<String, PerformanceBaseline.Figure> figures = figures(300, FAST, Double.NaN, FAST);
        assertThatThrownBy(() -> new BaselineComparison(baselines(), figures).judge(this::record)).isInstanceOf(AssertionError.class)
                .hasMessage("this run has no figure for the baseline's capacity.highest-sustained-rate (capacity)");
        assertThat(recorded).as("the figures before it are recorded").hasSize(1);
    }

    @Test
    void theCommittedBaselinesAreDescribedByMachineAndHostSpeed() {
        assertThat(BaselineComparison.describe(baselines())).isEqualTo(PerformanceBaselines.FILE
                + ":\nmeasured on fast day; host: compute unit 800 us, memory step 100 ns, tolerance 30 % either way");
    }
}
