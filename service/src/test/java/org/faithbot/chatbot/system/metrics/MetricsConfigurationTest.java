package org.faithbot.chatbot.system.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A handled exception's class name never reaches a metric's tags: "error" in its place, "none" kept. */
class MetricsConfigurationTest {

    @Test
    void aClassNameInAnExceptionTagBecomesError() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        registry.config().meterFilter(new MetricsConfiguration().noClassNamesInMetrics());

        Counter.builder("http.server.requests").tag("exception", "HttpMessageNotReadableException").tag("status", "400").register(registry).increment();
        Counter.builder("http.server.requests").tag("exception", "none").tag("status", "200").register(registry).increment();
        Counter.builder("reply.calls").tag("error", "java.net.SocketTimeoutException").register(registry).increment();
        Counter.builder("chat.messages").tag("outcome", "success").register(registry).increment();

        assertThat(registry.get("http.server.requests").tag("status", "400").counter().getId().getTag("exception")).isEqualTo("error");
        assertThat(registry.get("http.server.requests").tag("status", "200").counter().getId().getTag("exception")).isEqualTo("none");
        assertThat(registry.get("reply.calls").counter().getId().getTag("error")).isEqualTo("error");
        assertThat(registry.get("chat.messages").counter().getId().getTag("outcome")).isEqualTo("success");
        assertThat(registry.getMeters()).allSatisfy(m -> assertThat(m.getId().getTags().toString()).doesNotContain("Exception"));
    }
}
