package org.faithbot.chatbot.system.security;

import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated caller: the user id is the token's {@code sub} claim; {@code email} and
 * {@code name} are optional claims.
 */
public record CurrentUser(String userId, @Nullable String email, @Nullable String displayName) {

    public static CurrentUser from(Jwt jwt) {
        return new CurrentUser(jwt.getSubject(), blankToNull(jwt.getClaimAsString("email")),
                blankToNull(jwt.getClaimAsString("name")));
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return (value == null || value.isBlank()) ? null : value;
    }

    /** Never shows the e-mail address or name (no personal data in logs). */
    @Override
    public String toString() {
        return "CurrentUser[userId=" + this.userId + "]";
    }
}
