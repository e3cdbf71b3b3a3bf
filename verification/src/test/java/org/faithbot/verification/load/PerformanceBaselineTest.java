package org.faithbot.verification.load;

import org.faithbot.verification.evidence.Comparator;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The committed baselines are readable and complete, each for a measured host speed, and their limits follow the stated rule. */
class PerformanceBaselineTest {

    private static final PerformanceBaseline.HostReference REFERENCE = new PerformanceBaseline.HostReference(HostSpeed.WORKLOAD, 800, 200, 30);

    @Test
    void everyCommittedBaselineHoldsTheFiguresRunsAreComparedWithAndTheHostSpeedItWasMeasuredAt() {
        PerformanceBaselines committed = PerformanceBaselines.read(Targets.projectRoot());
        assertThat(committed.baselines()).isNotEmpty().allSatisfy(baseline -> {
            assertThat(baseline.metrics()).extracting(PerformanceBaseline.Entry::id)
                    .contains("sustained-rate.chat-p95-ms", "sustained-rate.ok-per-second", "capacity.highest-sustained-rate")
                    .isSubsetOf(StandardLoads.baselineEntries().stream().map(PerformanceBaseline.Entry::id).toList());
            assertThat(baseline.metrics()).allSatisfy(e -> {
                assertThat(e.better()).isIn("lower", "higher");
                assertThat(e.tolerancePercent()).isBetween(0.0, 100.0);
            });
            assertThat(baseline.host().workload()).isEqualTo(HostSpeed.WORKLOAD);
            assertThat(baseline.host().computeMicros()).isPositive();
            assertThat(baseline.host().memoryNanos()).isPositive();
            assertThat(baseline.host().tolerancePercent()).isBetween(10.0, 100.0);
        });
    }

    @Test
    void limitsAllowTheToleranceInTheWorseDirectionOnly() {
        var latency = new PerformanceBaseline.Entry("a", "NFR-PERF-1", "p95", "ms", 400, "lower", 50, 100);
        assertThat(latency.limit()).isEqualTo(700.0);
        assertThat(latency.comparator()).isEqualTo(Comparator.AT_MOST);
        assertThat(latency.comparator().holds(700, latency.limit())).isTrue();
        assertThat(latency.comparator().holds(701, latency.limit())).isFalse();

        var capacity = new PerformanceBaseline.Entry("b", "NFR-PERF-3", "rate", "requests/s", 400, "higher", 35, 0);
        assertThat(capacity.limit()).isCloseTo(260.0, within(1e-9));
        assertThat(capacity.comparator()).isEqualTo(Comparator.AT_LEAST);
        assertThat(capacity.comparator().holds(259, capacity.limit())).isFalse();
    }

    @Test
    void figuresAreComparableOnlyOnAHostAboutAsFastEitherWay() {
        assertThat(REFERENCE.admits(new HostSpeed(800, 200, 50))).as("the same speed").isTrue();
        assertThat(REFERENCE.admits(new HostSpeed(1040, 259, 50))).as("slower, within the tolerance").isTrue();
        assertThat(REFERENCE.admits(new HostSpeed(800, 261, 50))).as("memory slower beyond it").isFalse();
        assertThat(REFERENCE.admits(new HostSpeed(1041, 200, 50))).as("compute slower beyond it").isFalse();
        assertThat(REFERENCE.admits(new HostSpeed(800, 150, 50))).as("memory faster beyond it").isFalse();
        assertThat(REFERENCE.admits(HostSpeed.notMeasured())).as("not measured: nothing says the host was comparable").isFalse();
        assertThat(REFERENCE.distance(new HostSpeed(400, 300, 50))).isCloseTo(2.0, within(1e-9));
        assertThat(REFERENCE.compare(new HostSpeed(2400, 200, 50))).startsWith("compute 3.00x, memory 1.00x");
    }

    @Test
    void aRunIsComparedWithTheBaselineOfItsHostsSpeed() {
        PerformanceBaseline fast = baseline("fast day", 800, 100);
        PerformanceBaseline slow = baseline("slow day", 800, 230);
        PerformanceBaselines baselines = new PerformanceBaselines("", List.of(fast, slow));
        assertThat(baselines.forHost(new HostSpeed(820, 110, 50))).contains(fast);
        assertThat(baselines.forHost(new HostSpeed(820, 250, 50))).contains(slow);
        assertThat(baselines.forHost(new HostSpeed(820, 500, 50))).as("slower than every baseline's host").isEmpty();
        assertThat(baselines.nearest(new HostSpeed(820, 500, 50))).isEqualTo(slow);
    }

    @Test
    void rebaseliningReplacesTheBaselineOfThatSpeedOrAddsOne() {
        PerformanceBaseline fast = baseline("fast day", 800, 100);
        PerformanceBaselines baselines = new PerformanceBaselines("", List.of(fast));
        HostSpeed users = new HostSpeed(900, 240, 100);
        HostSpeed sustained = new HostSpeed(800, 220, 40);
        HostSpeed capacity = new HostSpeed(1000, 260, 60);
        PerformanceBaseline measured = fast.rebaselined(Map.of(
                "users-1000.chat-p95-ms", new PerformanceBaseline.Figure(123.44, users),
                "users-1000.error-percent", new PerformanceBaseline.Figure(0, users),
                "sustained-rate.chat-p95-ms", new PerformanceBaseline.Figure(50, sustained),
                "capacity.highest-sustained-rate", new PerformanceBaseline.Figure(Double.NaN, capacity)), "test machine");
        assertThat(measured.metrics().getFirst().value()).isEqualTo(123.4);
        assertThat(measured.metrics().getFirst().tolerancePercent()).isEqualTo(50.0);
        assertThat(measured.metrics().get(1).value()).as("no figure: the old value stays").isEqualTo(287.0);
        assertThat(measured.measuredOn()).startsWith("test machine");
        assertThat(measured.host().computeMicros()).as("the median of the three loads' speeds").isEqualTo(900);
        assertThat(measured.host().memoryNanos()).isEqualTo(240);

        PerformanceBaselines added = baselines.with(measured);
        assertThat(added.baselines()).containsExactly(fast, measured);
        PerformanceBaseline again = fast.rebaselined(Map.of("users-1000.chat-p95-ms", new PerformanceBaseline.Figure(99, users)), "again");
        assertThat(added.with(again).baselines()).as("the same speed again replaces it").containsExactly(fast, again);
    }

    @Test
    void rebaseliningAddsAnEntryForEachMeasuredFigureTheBaselineLackedAndDropsNone() {
        PerformanceBaseline old = baseline("before the day", 800, 100);
        HostSpeed day = new HostSpeed(800, 100, 50);
        PerformanceBaseline measured = old.rebaselined(Map.of(
                "day.chat-p95-ms", new PerformanceBaseline.Figure(412.26, day),
                "day.error-percent", new PerformanceBaseline.Figure(Double.NaN, day)), "test machine", StandardLoads.baselineEntries());
        assertThat(measured.metrics()).extracting(PerformanceBaseline.Entry::id)
                .as("the old entries, and the new figure that was measured; not the one that was not")
                .containsExactly("users-1000.chat-p95-ms", "users-1000.requests-per-second", "day.chat-p95-ms");
        PerformanceBaseline.Entry added = measured.metrics().getLast();
        assertThat(added.value()).isEqualTo(412.3);
        assertThat(added.criterion()).isEqualTo("NFR-PERF-1");
        assertThat(added.tolerancePercent()).isEqualTo(50.0);
    }

    @Test
    void aBaselineIsNotWrittenWithoutTheHostSpeedItWasMeasuredAt() {
        PerformanceBaseline fast = baseline("fast day", 800, 100);
        assertThatThrownBy(() -> fast.rebaselined(Map.of("users-1000.chat-p95-ms",
                new PerformanceBaseline.Figure(100, HostSpeed.notMeasured())), "test machine"))
                .hasMessageContaining("host's speed was not measured");
    }

    private static PerformanceBaseline baseline(String measuredOn, double computeMicros, double memoryNanos) {
        return new PerformanceBaseline(measuredOn, new PerformanceBaseline.HostReference(HostSpeed.WORKLOAD, computeMicros, memoryNanos, 30),
                List.of(new PerformanceBaseline.Entry("users-1000.chat-p95-ms", "NFR-PERF-1", "p95", "ms", 287, "lower", 50, 100),
                        new PerformanceBaseline.Entry("users-1000.requests-per-second", "NFR-SCALE-1", "rate", "requests/s", 287, "higher", 20, 0)));
    }
}
