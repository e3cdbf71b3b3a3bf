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
}
