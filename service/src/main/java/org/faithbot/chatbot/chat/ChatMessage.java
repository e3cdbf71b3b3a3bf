package org.faithbot.chatbot.chat;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One stored message of a conversation, the user's or the assistant's. Its sort key is
 * {@code <conversationId>#<createdAt epoch millis, 13 digits>#<messageId>}; it expires (TTL
 * {@code expiresAt}, epoch seconds) after the retention period.
 */
public record ChatMessage(String userId, String conversationId, String messageId, MessageRole role, String text,
        @Nullable String scriptureReference, String topic, Instant createdAt, Instant expiresAt,
        @Nullable String crisisCategory) {

    public ChatMessage(String userId, String conversationId, String messageId, MessageRole role, String text,
            @Nullable String scriptureReference, String topic, Instant createdAt, Instant expiresAt) {
        this(userId, conversationId, messageId, role, text, scriptureReference, topic, createdAt, expiresAt, null);
    }

    public String messageKey() {
        return messageKey(this.conversationId, this.createdAt, this.messageId);
    }

    public static String messageKey(String conversationId, Instant createdAt, String messageId) {
        return conversationId + "#" + String.format("%013d", createdAt.toEpochMilli()) + "#" + messageId;
    }

    /** Never shows the text (no personal data in logs). */
    @Override
    public String toString() {
        return "ChatMessage[userId=" + this.userId + ", messageKey=" + messageKey() + ", role=" + this.role + "]";
    }
}
