package org.faithbot.verification.load;

import org.faithbot.verification.evidence.Comparator;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The committed baseline is readable, complete, and its limits follow the stated rule. */
class PerformanceBaselineTest {

    @Test
    void theCommittedBaselineHoldsTheFiguresEveryRunIsComparedWith() {
        PerformanceBaseline baseline = PerformanceBaseline.read(Targets.projectRoot());
        assertThat(baseline.metrics()).extracting(PerformanceBaseline.Entry::id).containsExactlyInAnyOrder(
                "users-1000.chat-p95-ms", "users-1000.error-percent", "users-1000.requests-per-second",
                "sustained-rate.chat-p95-ms", "sustained-rate.ok-per-second", "capacity.highest-sustained-rate");
        assertThat(baseline.metrics()).allSatisfy(e -> {
            assertThat(e.better()).isIn("lower", "higher");
            assertThat(e.tolerancePercent()).isBetween(0.0, 100.0);
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
    void rebaseliningReplacesValuesAndKeepsTolerances() {
        PerformanceBaseline baseline = PerformanceBaseline.read(Targets.projectRoot());
        PerformanceBaseline updated = baseline.rebaselined(Map.of("users-1000.chat-p95-ms", 123.44), "test machine");
        var entry = updated.metrics().stream().filter(e -> e.id().equals("users-1000.chat-p95-ms")).findFirst().orElseThrow();
        assertThat(entry.value()).isEqualTo(123.4);
        assertThat(entry.tolerancePercent()).isEqualTo(50.0);
        assertThat(updated.measuredOn()).startsWith("test machine");
    }
}
