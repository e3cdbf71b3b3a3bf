package org.faithbot.chatbot.system.ratelimit;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.faithbot.chatbot.system.web.ProblemResponseWriter;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the per-user rate limit to authenticated API requests (after bearer-token
 * authentication, keyed by {@code sub}): every response carries {@code RateLimit-Limit} and
 * {@code RateLimit-Remaining}; a refused request gets a 429 problem with {@code Retry-After}.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    private final PerUserRateLimiter limiter;

    private final ProblemResponseWriter problems;

    public RateLimitFilter(PerUserRateLimiter limiter, ProblemResponseWriter problems) {
        this.limiter = limiter;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !this.limiter.enabled() || !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !(authentication.getPrincipal() instanceof Jwt jwt) || jwt.getSubject() == null) {
            chain.doFilter(request, response);
            return;
        }
        PerUserRateLimiter.Decision decision = this.limiter.acquire(jwt.getSubject());
        response.setHeader("RateLimit-Limit", String.valueOf(decision.limit()));
        response.setHeader("RateLimit-Remaining", String.valueOf(decision.remaining()));
        if (decision.allowed()) {
            chain.doFilter(request, response);
            return;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(decision.retryAfterSeconds()));
        this.problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS,
                "Too many requests: the limit is " + decision.limit() + " requests per minute per user; retry after "
                        + decision.retryAfterSeconds() + " s",
                Map.of("retryAfterSeconds", decision.retryAfterSeconds()));
    }
}
