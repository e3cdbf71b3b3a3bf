package org.faithbot.chatbot.chat;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The (optional) body of {@code POST /api/v1/conversations}.
 *
 * @param title a title of at most 120 characters without control characters; "New conversation"
 * when absent or blank
 */
public record ConversationRequest(
        @Nullable @Size(max = 120) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters") String title) {

    @Override
    public String toString() {
        return "ConversationRequest[]";
    }
}
