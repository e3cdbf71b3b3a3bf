package org.faithbot.chatbot.system.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.faithbot.chatbot.system.web.ProblemResponseWriter;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.BearerTokenError;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;

/**
 * 401 for a missing, malformed, forged, expired or wrongly issued bearer token: the
 * {@code WWW-Authenticate} header of RFC 6750 plus a problem body naming the reason.
 */
class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();

    private final ProblemResponseWriter problems;

    private final AuthenticationFailures failures;

    ProblemAuthenticationEntryPoint(ProblemResponseWriter problems, AuthenticationFailures failures) {
        this.problems = problems;
        this.failures = failures;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException authException) throws IOException {
        this.failures.record(authException);
        this.bearer.commence(request, response, authException);
        this.problems.write(request, response, HttpStatus.UNAUTHORIZED, reason(authException));
    }

    static String reason(AuthenticationException exception) {
        if (exception instanceof OAuth2AuthenticationException oauth2) {
            if (oauth2.getError() instanceof BearerTokenError bearerError && bearerError.getDescription() != null) {
                return "Invalid bearer token: " + bearerError.getDescription();
            }
            if (oauth2.getError().getDescription() != null) {
                return "Invalid bearer token: " + oauth2.getError().getDescription();
            }
            return "Invalid bearer token";
        }
        return "Authentication required: send a valid bearer token in the Authorization header";
    }
}
