package org.faithbot.chatbot.system.security;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;

import java.util.Locale;

/**
 * The security events of refused requests: every 401 is counted on
 * {@code security.authentication.failures{reason}} (on /actuator/prometheus) and logged as one
 * {@code AUTHENTICATION_FAILURE reason=...} line, the term the Terraform's metric filter counts for
 * the {@code auth-failures-spike} alarm. The line holds a fixed reason and nothing the caller sent:
 * no token, no claim, no path, no address.
 */
final class AuthenticationFailures {

    static final String METER = "security.authentication.failures";

    private static final Logger log = LoggerFactory.getLogger("org.faithbot.chatbot.security.events");

    private final MeterRegistry registry;

    AuthenticationFailures(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(AuthenticationException exception) {
        String reason = reasonOf(exception);
        this.registry.counter(METER, "reason", reason).increment();
        log.warn("AUTHENTICATION_FAILURE reason={}", reason);
    }

    /** One of missing, expired, not-yet-valid, signature, issuer, audience, malformed, other. */
    static String reasonOf(AuthenticationException exception) {
        if (!(exception instanceof OAuth2AuthenticationException oauth2)) {
            return "missing";
        }
        String description = oauth2.getError().getDescription() == null ? ""
                : oauth2.getError().getDescription().toLowerCase(Locale.ROOT);
        if (description.contains("expired")) {
            return "expired";
        }
        if (description.contains("before") || description.contains("nbf")) {
            return "not-yet-valid";
        }
        if (description.contains("signature") || description.contains("algorithm") || description.contains("key")) {
            return "signature";
        }
        if (description.contains("iss")) {
            return "issuer";
        }
        if (description.contains("aud")) {
            return "audience";
        }
        if (description.contains("malformed") || description.contains("serializ") || description.contains("parse")) {
            return "malformed";
        }
        return "other";
    }
}
