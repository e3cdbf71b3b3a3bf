package org.faithbot.chatbot.prayer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A response of the prayer team: {@code {"text": "..."}} (1 to 2000 characters). */
public record TextRequest(@NotBlank @Size(max = 2000) String text) {

    @Override
    public String toString() {
        return "TextRequest[]";
    }
}
