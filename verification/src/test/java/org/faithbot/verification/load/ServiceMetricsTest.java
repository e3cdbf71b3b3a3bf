package org.faithbot.verification.load;

import org.faithbot.verification.http.PrometheusText;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceMetricsTest {

    @Test
    void deltasAreSummedOverInstances() {
        var before = new ServiceMetrics.Snapshot(Map.of("s1", PrometheusText.parse("c_total{result=\"hit\"} 10\n"),
                "s2", PrometheusText.parse("c_total{result=\"hit\"} 5\n")));
        var after = new ServiceMetrics.Snapshot(Map.of("s1", PrometheusText.parse("c_total{result=\"hit\"} 30\n"),
                "s2", PrometheusText.parse("c_total{result=\"hit\"} 6\n")));
        assertThat(new ServiceMetrics.Delta(before, after).sum("c_total", Map.of("result", "hit"))).isEqualTo(21.0);
    }
}
