package org.faithbot.chatbot.system.overload;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import org.faithbot.chatbot.system.web.ProblemResponseWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API requests beyond the limit wait their turn and go on when a place is free; one that waited too
 * long gets a 503 problem with a reason and Retry-After, and never reaches the application; health
 * checks are never held back.
 */
class ConcurrencyLimitFilterTest {

    private final Bulkhead bulkhead = Bulkhead.of("api", BulkheadConfig.custom()
        .maxConcurrentCalls(1)
        .maxWaitDuration(Duration.ofMillis(100))
        .build());

    private final ConcurrencyLimitFilter filter = new ConcurrencyLimitFilter(this.bulkhead,
            new ProblemResponseWriter(JsonMapper.builder().build()));

    private final AtomicInteger reachedTheApplication = new AtomicInteger();

    @Test
    void aRequestThatWaitedTooLongIsRefusedWith503AndAReason() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.startVirtualThread(() -> send("/api/v1/chat", () -> {
            inside.countDown();
            await(release);
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        MockHttpServletResponse refused = send("/api/v1/chat", () -> { });

        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).contains("at capacity").contains("at most 1 requests at once");
        assertThat(this.reachedTheApplication).hasValue(1);

        release.countDown();
        holder.join(5000);
        assertThat(send("/api/v1/chat", () -> { }).getStatus()).isEqualTo(200);
        assertThat(this.reachedTheApplication).hasValue(2);
    }

    @Test
    void aWaitingRequestGoesOnWhenAPlaceIsFree() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        Thread holder = Thread.startVirtualThread(() -> send("/api/v1/chat", () -> {
            inside.countDown();
            sleep(30);
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(send("/api/v1/chat", () -> { }).getStatus()).isEqualTo(200);
        holder.join(5000);
        assertThat(this.reachedTheApplication).hasValue(2);
        assertThat(this.bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(1);
    }

    @Test
    void healthChecksAreNotHeldBack() throws Exception {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread holder = Thread.startVirtualThread(() -> send("/api/v1/chat", () -> {
            inside.countDown();
            await(release);
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(send("/actuator/health/readiness", () -> { }).getStatus()).isEqualTo(200);

        release.countDown();
        holder.join(5000);
    }

    @Test
    void thePlaceIsGivenBackWhenTheApplicationFails() {
        try {
            this.filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/chat"), new MockHttpServletResponse(),
                    (request, response) -> {
                        throw new IllegalStateException("boom");
                    });
        }
        catch (Exception expected) {
            assertThat(expected).hasMessage("boom");
        }
        assertThat(this.bulkhead.getMetrics().getAvailableConcurrentCalls()).isEqualTo(1);
    }

    private MockHttpServletResponse send(String path, Runnable application) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setRequestURI(path);
        MockHttpServletResponse response = new MockHttpServletResponse();
        try {
            this.filter.doFilter(request, response, (req, res) -> {
                this.reachedTheApplication.incrementAndGet();
                application.run();
            });
        }
        catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
        return response;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
