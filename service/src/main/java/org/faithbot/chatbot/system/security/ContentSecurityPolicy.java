package org.faithbot.chatbot.system.security;

/**
 * The service's Content-Security-Policy: everything from the service's own origin, nothing inline,
 * no framing. A page that inlines a style sheet allows exactly that style by its hash
 * ({@link #withInlineStyle(String)}), never {@code 'unsafe-inline'}.
 */
public final class ContentSecurityPolicy {

    public static final String DEFAULT = policy("'self'");

    private ContentSecurityPolicy() {
    }

    /** The policy with one inline style allowed by its CSP source, e.g. {@code 'sha256-...'}. */
    public static String withInlineStyle(String styleHashSource) {
        return policy("'self' " + styleHashSource);
    }

    private static String policy(String styleSources) {
        return "default-src 'self'; script-src 'self'; style-src " + styleSources + "; "
                + "img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }
}
