package org.faithbot.chatbot.system.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.faithbot.chatbot.system.web.ProblemResponseWriter;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 403 when the token is valid but lacks the scope the path needs, naming that scope. */
class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    private final BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();

    private final ProblemResponseWriter problems;

    ProblemAccessDeniedHandler(ProblemResponseWriter problems) {
        this.problems = problems;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
            AccessDeniedException accessDeniedException) throws IOException {
        this.bearer.handle(request, response, accessDeniedException);
        this.problems.write(request, response, HttpStatus.FORBIDDEN,
                "Access denied: the token does not grant this operation (" + requiredScope(request.getRequestURI())
                        + " is required)");
    }

    static String requiredScope(String path) {
        if (path.startsWith("/api/v1/support/")) {
            return "the support or operator scope";
        }
        if (path.startsWith("/api/v1/prayer-team/")) {
            return "the prayer-team scope";
        }
        if (path.startsWith("/api/v1/moderation/")) {
            return "the moderator scope";
        }
        if (path.startsWith("/api/")) {
            return "the chat scope";
        }
        return "the operator scope";
    }
}
