package org.faithbot.chatbot.chat;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /api/v1/chat}. Unknown fields are rejected (Jackson
 * {@code fail-on-unknown-properties}).
 *
 * @param message what the user says: required, not blank, at most 2000 characters
 * @param conversationId the conversation to continue; a new one is started when absent
 */
public record ChatRequest(@NotBlank @Size(max = ChatRequest.MAX_MESSAGE_LENGTH) String message,
        @Nullable UUID conversationId) {

    public static final int MAX_MESSAGE_LENGTH = 2000;

    /** Never shows the message (no personal data in logs). */
    @Override
    public String toString() {
        return "ChatRequest[conversationId=" + this.conversationId + "]";
    }
}
