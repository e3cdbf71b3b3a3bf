package org.faithbot.chatbot.system.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One structured log line per API request (logger {@code org.faithbot.chatbot.access}): method,
 * route pattern (never the raw path or query, which may carry ids), status and duration. The
 * request id is in the MDC. Turn it off with {@code logging.level.org.faithbot.chatbot.access=warn}.
 */
class AccessLogFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger("org.faithbot.chatbot.access");

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!log.isInfoEnabled()) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        try {
            chain.doFilter(request, response);
        }
        finally {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            // a method the service does not answer is logged as such, never as sent (it is the caller's text)
            String method = RequestShape.METHODS.contains(request.getMethod()) ? request.getMethod() : "OTHER";
            log.info("{} {} {} {}ms", method, (pattern != null) ? pattern : "unmapped",
                    response.getStatus(), (System.nanoTime() - started) / 1_000_000);
        }
    }
}
