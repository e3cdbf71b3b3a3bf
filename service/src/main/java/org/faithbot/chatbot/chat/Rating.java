package org.faithbot.chatbot.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/** A member's rating of one of the assistant's replies: 1 to 5 stars, an optional short comment, and when it was given. */
public record Rating(int score, @Nullable String comment, Instant ratedAt) {

    /** Never shows the comment (no personal data in logs). */
    @Override
    public String toString() {
        return "Rating[score=" + this.score + ", comment=" + ((this.comment != null) ? "(given)" : "none") + "]";
    }
}
