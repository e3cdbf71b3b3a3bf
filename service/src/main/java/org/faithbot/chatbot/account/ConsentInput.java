package org.faithbot.chatbot.account;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A consent decision in a request: {@code {"purpose": "analytics", "version": "2026-11-01", "granted": true}}. */
public record ConsentInput(@NotBlank @Size(max = 40) @Pattern(regexp = "[a-z-]*", message = "must be a purpose name") String purpose,
        @NotBlank @Size(max = 20) @Pattern(regexp = "[0-9A-Za-z.-]*", message = "must be a document version") String version,
        @NotNull Boolean granted) {
}
