package org.faithbot.verification.load;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetricSamplesTest {

    private static final String EXPOSITION = """
            # HELP dynamodb_operation_seconds
            # TYPE dynamodb_operation_seconds summary
            dynamodb_operation_seconds_count{operation="PutItem",table="messages"} 40
            dynamodb_operation_seconds_sum{operation="PutItem",table="messages"} 0.8
            dynamodb_operation_seconds_count{operation="Query",table="messages"} 10
            dynamodb_operation_seconds_sum{operation="Query",table="messages"} 0.3
            dynamodb_operation_seconds_count{operation="PutItem",table="users"} 5
            cache_gets_total{cache="verses",result="hit"} 90.0
            cache_gets_total{cache="verses",result="miss"} 10.0
            """;

    @Test
    void sumsAndGroupsSamplesByLabel() {
        MetricSamples samples = MetricSamples.parse(EXPOSITION);
        assertThat(samples.has("dynamodb_operation_seconds_count")).isTrue();
        assertThat(samples.has("dynamodb_operation_seconds")).isFalse();
        assertThat(samples.sum("dynamodb_operation_seconds_count", Map.of())).isEqualTo(55.0);
        assertThat(samples.sumBy("dynamodb_operation_seconds_count", "operation", Map.of()))
                .containsExactly(Map.entry("PutItem", 45.0), Map.entry("Query", 10.0));
        assertThat(samples.sum("cache_gets_total", Map.of("result", "hit"))).isEqualTo(90.0);
    }

    @Test
    void deltasAreSummedOverInstances() {
        var before = new ServiceMetrics.Snapshot(Map.of("s1", MetricSamples.parse("c_total{result=\"hit\"} 10\n"),
                "s2", MetricSamples.parse("c_total{result=\"hit\"} 5\n")));
        var after = new ServiceMetrics.Snapshot(Map.of("s1", MetricSamples.parse("c_total{result=\"hit\"} 30\n"),
                "s2", MetricSamples.parse("c_total{result=\"hit\"} 6\n")));
        assertThat(new ServiceMetrics.Delta(before, after).sum("c_total", Map.of("result", "hit"))).isEqualTo(21.0);
    }
}
