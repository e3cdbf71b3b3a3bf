package org.faithbot.verification.http;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrometheusTextTest {

    private static final String METRICS = """
            # HELP http_server_requests_seconds
            # TYPE http_server_requests_seconds histogram
            http_server_requests_seconds_count{error="none",method="POST",outcome="SUCCESS",status="200",uri="/api/v1/chat"} 12
            http_server_requests_seconds_count{error="none",method="POST",outcome="CLIENT_ERROR",status="400",uri="/api/v1/chat"} 3.0
            http_server_requests_seconds_count{error="none",method="GET",outcome="SUCCESS",status="200",uri="/api/v1/me/export"} 5.0
            jvm_threads_live_threads 42.0
            """;

    @Test
    void sumsTheSamplesWithTheWantedLabels() {
        assertThat(PrometheusText.sum(METRICS, "http_server_requests_seconds_count", Map.of("uri", "/api/v1/chat"))).isEqualTo(15.0);
        assertThat(PrometheusText.sum(METRICS, "http_server_requests_seconds_count", Map.of("uri", "/api/v1/chat", "status", "400"))).isEqualTo(3.0);
        assertThat(PrometheusText.sum(METRICS, "jvm_threads_live_threads", Map.of())).isEqualTo(42.0);
        assertThat(PrometheusText.sum(METRICS, "http_server_requests_seconds_count", Map.of("uri", "/nowhere"))).isZero();
    }

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
        PrometheusText samples = PrometheusText.parse(EXPOSITION);
        assertThat(samples.has("dynamodb_operation_seconds_count")).isTrue();
        assertThat(samples.has("dynamodb_operation_seconds")).isFalse();
        assertThat(samples.sum("dynamodb_operation_seconds_count", Map.of())).isEqualTo(55.0);
        assertThat(samples.sumBy("dynamodb_operation_seconds_count", "operation", Map.of()))
                .containsExactly(Map.entry("PutItem", 45.0), Map.entry("Query", 10.0));
        assertThat(samples.sum("cache_gets_total", Map.of("result", "hit"))).isEqualTo(90.0);
    }

    @Test
    void skipsWhatIsNotASample() {
        PrometheusText samples = PrometheusText.parse("# TYPE x gauge\n\nx{a=\"1\"} not-a-number\nx{a=\"2\"} NaN\ny 2\n");
        assertThat(samples.samples()).extracting(PrometheusText.Sample::name).containsExactly("x", "y");
        assertThat(samples.samples("x", Map.of("a", "2"))).hasSize(1);
    }
}
