package org.faithbot.chatbot.prayer;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A prayer request (table {@code prayers}, key userId + prayerId, time-ordered id). While it waits
 * for the team it carries {@code queueStatus=OPEN} (index {@code teamQueue}); while it is a visible
 * community prayer, {@code feed=COMMUNITY} (index {@code communityFeed}). Who claimed or hid it is
 * stored as a pseudonym, never as a user id.
 */
public record Prayer(String userId, String prayerId, String text, PrayerVisibility visibility, PrayerStatus status,
        Instant createdAt, Instant dueAt, Instant expiresAt, @Nullable String claimedBy, @Nullable Instant claimedAt,
        @Nullable Instant firstResponseAt, long responseCount, long flagCount, boolean hidden,
        @Nullable Instant hiddenAt) {

    public boolean visibleToCommunity() {
        return this.visibility == PrayerVisibility.COMMUNITY && !this.hidden;
    }

    /** Never shows the text. */
    @Override
    public String toString() {
        return "Prayer[prayerId=" + this.prayerId + ", status=" + this.status + ", visibility=" + this.visibility + "]";
    }
}
