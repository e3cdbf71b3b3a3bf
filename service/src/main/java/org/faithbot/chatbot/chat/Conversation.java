package org.faithbot.chatbot.chat;

import java.time.Instant;

/**
 * A conversation of a user (table {@code conversations}, key userId + conversationId). Ids made by
 * the service are time-ordered (UUID v7), so the user's partition lists newest first. It expires
 * (TTL {@code expiresAt}) a retention period after its last message, with its messages.
 */
public record Conversation(String userId, String conversationId, String title, Instant createdAt,
        Instant lastMessageAt, long messageCount, Instant expiresAt) {

    /** Never shows the title (it may be personal). */
    @Override
    public String toString() {
        return "Conversation[conversationId=" + this.conversationId + ", messageCount=" + this.messageCount + "]";
    }
}
