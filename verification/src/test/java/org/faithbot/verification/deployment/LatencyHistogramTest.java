package org.faithbot.verification.deployment;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The live p95 out of two scrapes of the service's Prometheus histogram. */
class LatencyHistogramTest {

    private static String scrape(int fast200, int slow200, int failed500) {
        return """
                # HELP http_server_requests_seconds
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_bucket{application="chatbot",error="none",method="POST",outcome="SUCCESS",status="200",uri="/api/v1/chat",le="0.05"} %d
                http_server_requests_seconds_bucket{application="chatbot",error="none",method="POST",outcome="SUCCESS",status="200",uri="/api/v1/chat",le="0.1"} %d
                http_server_requests_seconds_bucket{application="chatbot",error="none",method="POST",outcome="SUCCESS",status="200",uri="/api/v1/chat",le="1.0"} %d
                http_server_requests_seconds_bucket{application="chatbot",error="none",method="POST",outcome="SUCCESS",status="200",uri="/api/v1/chat",le="+Inf"} %d
                http_server_requests_seconds_bucket{application="chatbot",error="InjectedReleaseFault",method="POST",outcome="SERVER_ERROR",status="500",uri="/api/v1/chat",le="0.05"} %d
                http_server_requests_seconds_bucket{application="chatbot",error="InjectedReleaseFault",method="POST",outcome="SERVER_ERROR",status="500",uri="/api/v1/chat",le="0.1"} %d
                http_server_requests_seconds_bucket{application="chatbot",error="InjectedReleaseFault",method="POST",outcome="SERVER_ERROR",status="500",uri="/api/v1/chat",le="1.0"} %d
                http_server_requests_seconds_bucket{application="chatbot",error="InjectedReleaseFault",method="POST",outcome="SERVER_ERROR",status="500",uri="/api/v1/chat",le="+Inf"} %d
                http_server_requests_seconds_bucket{application="chatbot",error="none",method="GET",outcome="SUCCESS",status="200",uri="/api/v1/me/export",le="0.05"} 1000
                http_server_requests_seconds_bucket{application="chatbot",error="none",method="GET",outcome="SUCCESS",status="200",uri="/api/v1/me/export",le="+Inf"} 1000
                """.formatted(fast200, fast200, fast200 + slow200, fast200 + slow200, failed500, failed500, failed500, failed500);
    }

    @Test
    void theWindowBetweenTwoScrapesHoldsOnlyItsChatRequests() {
        LatencyHistogram before = LatencyHistogram.parse(scrape(100, 0, 0), "http_server_requests_seconds_bucket", Map.of("uri", "/api/v1/chat"));
        LatencyHistogram after = LatencyHistogram.parse(scrape(190, 10, 0), "http_server_requests_seconds_bucket", Map.of("uri", "/api/v1/chat"));

        LatencyHistogram window = after.minus(before);

        assertThat(before.count()).isEqualTo(100);
        assertThat(window.count()).isEqualTo(100);
        // 90 of 100 at most 50 ms, 10 between 100 ms and 1 s: the 95th lies half way into the (0.1, 1.0] bucket
        assertThat(window.p95Millis()).isCloseTo(550, within(1.0));
    }

    @Test
    void failedChatRequestsCountInTheLatencyAndOtherRequestsDoNot() {
        LatencyHistogram all = LatencyHistogram.parse(scrape(50, 0, 50), "http_server_requests_seconds_bucket", Map.of("uri", "/api/v1/chat"));

        assertThat(all.count()).isEqualTo(100);
        assertThat(all.p95Millis()).isLessThanOrEqualTo(50);
        assertThat(LatencyHistogram.EMPTY.p95Millis()).isNaN();
    }
}
