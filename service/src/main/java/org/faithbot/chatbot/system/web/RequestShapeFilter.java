package org.faithbot.chatbot.system.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.faithbot.chatbot.system.security.SecurityHeaders;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose shape the service does not read ({@link RequestShape}) with a 4xx problem and every header a
 * response carries, before Spring Security, Spring MVC or the container's parameter parsing see it; and reads a blank
 * Accept header as absent (any type). Runs right after the request id and the access log, so a refusal is logged
 * under its id, by its status, without what the caller sent.
 */
class RequestShapeFilter extends OncePerRequestFilter {

    private final ProblemResponseWriter problems;

    RequestShapeFilter(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<RequestShape.Refusal> refusal = RequestShape.check(request);
        if (refusal.isPresent()) {
            SecurityHeaders.addMissing(response);
            if (refusal.get().status() == HttpStatus.METHOD_NOT_ALLOWED) {
                response.setHeader("Allow", RequestShape.ALLOWED);
            }
            this.problems.write(request, response, refusal.get().status(), refusal.get().reason());
            return;
        }
        String accept = request.getHeader("Accept");
        chain.doFilter(accept != null && accept.isBlank() ? new WithoutAccept(request) : request, response);
    }

    /** The request without its blank Accept header: a client that accepts nothing in particular accepts anything. */
    private static final class WithoutAccept extends HttpServletRequestWrapper {

        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Accept".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Accept".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                .filter(n -> !"Accept".equalsIgnoreCase(n)).toList());
        }
    }
}
