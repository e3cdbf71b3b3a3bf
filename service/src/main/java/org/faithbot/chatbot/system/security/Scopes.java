package org.faithbot.chatbot.system.security;

/**
 * The token scopes (space-separated {@code scope} claim) and the authorities Spring Security
 * derives from them ({@code SCOPE_<scope>}).
 */
public final class Scopes {

    /** Every user of the chat, prayers and their own account. */
    public static final String CHAT = "chat";

    /** Operators: actuator admin endpoints (availability, chaos), support escalations. */
    public static final String OPERATOR = "operator";

    /** Prayer team members: the prayer queue, claims and responses. */
    public static final String PRAYER_TEAM = "prayer-team";

    /** Moderators of the prayer community. */
    public static final String MODERATOR = "moderator";

    /** The support team: crisis escalations. */
    public static final String SUPPORT = "support";

    private Scopes() {
    }

    public static String authority(String scope) {
        return "SCOPE_" + scope;
    }
}
