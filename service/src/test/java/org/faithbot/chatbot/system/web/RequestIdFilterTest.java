package org.faithbot.chatbot.system.web;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** The request id is in the logging MDC (so in every structured log line) while the request runs, and only then. */
class RequestIdFilterTest {

    @Test
    void putsTheRequestIdInTheMdcForTheRequestOnly() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/conversations");
        request.addHeader("X-Request-Id", "gatling-7");
        MockHttpServletResponse response = new MockHttpServletResponse();
        AtomicReference<String> seen = new AtomicReference<>();

        new RequestIdFilter().doFilter(request, response, (req, res) -> seen.set(MDC.get("requestId")));

        assertThat(seen.get()).isEqualTo("gatling-7");
        assertThat(response.getHeader("X-Request-Id")).isEqualTo("gatling-7");
        assertThat(MDC.get("requestId")).isNull();
    }

    @Test
    void replacesAnIdThatIsNotAPlainToken() {
        assertThat(RequestIdFilter.requestId("a b")).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.requestId("x".repeat(65))).matches("[0-9a-f-]{36}");
        assertThat(RequestIdFilter.requestId(null)).matches("[0-9a-f-]{36}");
    }
}
