package org.faithbot.chatbot.safety;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A crisis escalation for the support team (table {@code escalations}, key userId + escalationId):
 * one per conversation or prayer that used crisis language; later signals of the same source count
 * up and reopen it when it had been acknowledged. Its response-time standard is tracked: created
 * (or reopened) time, due time, acknowledged time.
 */
public record Escalation(String escalationId, String userId, String category, String source, String sourceId,
        String status, Instant createdAt, Instant dueAt, @Nullable Instant acknowledgedAt, long signalCount,
        Instant lastSignalAt, @Nullable Instant reopenedAt) {

    public static final String OPEN = "OPEN";

    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";

    public boolean overdue(Instant now) {
        Instant respondedAt = (this.acknowledgedAt != null && ACKNOWLEDGED.equals(this.status)) ? this.acknowledgedAt : now;
        return respondedAt.isAfter(this.dueAt);
    }

    /** Since when the support team has had to respond: creation, or the last reopening. */
    public Instant awaitingSince() {
        return (this.reopenedAt != null) ? this.reopenedAt : this.createdAt;
    }
}
