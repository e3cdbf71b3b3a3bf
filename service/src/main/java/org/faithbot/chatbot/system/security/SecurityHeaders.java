package org.faithbot.chatbot.system.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers every response carries, as Spring Security's header writers write them
 * ({@link SecurityConfiguration}), for the responses written before or outside its filter chain: a request refused for
 * its shape, a firewall rejection, the container's own error report. A header already set is left alone.
 */
public final class SecurityHeaders {

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=()";

    static final String CROSS_ORIGIN_OPENER_POLICY = "same-origin";

    private static final Map<String, String> HEADERS = new LinkedHashMap<>();

    static {
        HEADERS.put("X-Content-Type-Options", "nosniff");
        HEADERS.put("X-XSS-Protection", "0");
        HEADERS.put("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        HEADERS.put("Pragma", "no-cache");
        HEADERS.put("Expires", "0");
        HEADERS.put("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        HEADERS.put("X-Frame-Options", "DENY");
        HEADERS.put("Content-Security-Policy", ContentSecurityPolicy.DEFAULT);
        HEADERS.put("Referrer-Policy", "no-referrer");
        HEADERS.put("Permissions-Policy", PERMISSIONS_POLICY);
        HEADERS.put("Cross-Origin-Opener-Policy", CROSS_ORIGIN_OPENER_POLICY);
    }

    private SecurityHeaders() {
    }

    /** Sets each security header the response does not have yet. */
    public static void addMissing(HttpServletResponse response) {
        HEADERS.forEach((name, value) -> {
            if (!response.containsHeader(name)) {
                response.setHeader(name, value);
            }
        });
    }

    /** The headers and their values. */
    public static Map<String, String> all() {
        return Map.copyOf(HEADERS);
    }
}
