package org.faithbot.chatbot.system.overload;

import java.io.IOException;
import java.util.Map;

import io.github.resilience4j.bulkhead.Bulkhead;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.faithbot.chatbot.system.web.ProblemResponseWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code max-concurrent-requests} API requests be worked on at once in this instance;
 * the others wait their turn, first come first served, before any work is done for them (no token
 * decoded, no database call started). Without the limit every request is a virtual thread of its
 * own, and under a burst hundreds of them share two cores: each database call then waits for a CPU
 * long enough to run out its timeout and the request fails, although the database is fine. A
 * request that has waited {@code max-wait} is answered 503 with {@code Retry-After}. Health,
 * metrics and the web page are not limited, so the balancer's checks and the operators still get
 * through.
 */
class ConcurrencyLimitFilter extends OncePerRequestFilter {

    static final String LIMITED_PATH_PREFIX = "/api/";

    private final Bulkhead bulkhead;

    private final ProblemResponseWriter problems;

    ConcurrencyLimitFilter(Bulkhead bulkhead, ProblemResponseWriter problems) {
        this.bulkhead = bulkhead;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith(LIMITED_PATH_PREFIX);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!this.bulkhead.tryAcquirePermission()) {
            long retryAfter = 1;
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfter));
            this.problems.write(request, response, HttpStatus.SERVICE_UNAVAILABLE,
                    "The service is at capacity (at most "
                            + this.bulkhead.getBulkheadConfig().getMaxConcurrentCalls()
                            + " requests at once per instance) and this request waited "
                            + this.bulkhead.getBulkheadConfig().getMaxWaitDuration().toMillis()
                            + " ms for its turn; retry after " + retryAfter + " s",
                    Map.of("retryAfterSeconds", retryAfter));
            return;
        }
        try {
            chain.doFilter(request, response);
        }
        finally {
            this.bulkhead.onComplete();
        }
    }
}
