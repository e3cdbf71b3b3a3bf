package org.faithbot.chatbot.prayer;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/prayers}: the request's text (1 to 2000 characters) and its visibility. */
public record PrayerRequest(@NotBlank @Size(max = 2000) String text, @NotNull PrayerVisibility visibility) {

    @Override
    public String toString() {
        return "PrayerRequest[visibility=" + this.visibility + "]";
    }
}
