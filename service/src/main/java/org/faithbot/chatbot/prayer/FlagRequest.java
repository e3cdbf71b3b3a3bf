package org.faithbot.chatbot.prayer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A report of a prayer that breaks the community guidelines: {@code {"reason": "..."}} (1 to 500 characters). */
public record FlagRequest(@NotBlank @Size(max = 500) String reason) {

    @Override
    public String toString() {
        return "FlagRequest[]";
    }
}
