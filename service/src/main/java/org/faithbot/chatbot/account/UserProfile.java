package org.faithbot.chatbot.account;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** What the service keeps about a user: created on the first chat, from the token's claims. */
public record UserProfile(String userId, Instant createdAt, @Nullable String email, @Nullable String displayName) {

    /** Never shows the e-mail address or name (no personal data in logs). */
    @Override
    public String toString() {
        return "UserProfile[userId=" + this.userId + ", createdAt=" + this.createdAt + "]";
    }
}
