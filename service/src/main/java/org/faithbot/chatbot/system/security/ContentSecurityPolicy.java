package org.faithbot.chatbot.system.security;

/**
 * The service's Content-Security-Policy: everything from the service's own origin, nothing inline,
 * no framing. A page that inlines a style sheet and a script allows exactly those by their hashes
 * ({@link #withInline(String, String)}), never {@code 'unsafe-inline'}.
 */
public final class ContentSecurityPolicy {

    public static final String DEFAULT = policy("'self'", "'self'");

    private ContentSecurityPolicy() {
    }

    /** The policy with one inline style and one inline script allowed by their CSP sources, e.g. {@code 'sha256-...'}. */
    public static String withInline(String styleHashSource, String scriptHashSource) {
        return policy("'self' " + styleHashSource, "'self' " + scriptHashSource);
    }

    private static String policy(String styleSources, String scriptSources) {
        return "default-src 'self'; script-src " + scriptSources + "; style-src " + styleSources + "; "
                + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }
}
