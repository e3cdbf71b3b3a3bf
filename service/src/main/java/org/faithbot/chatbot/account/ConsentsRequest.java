package org.faithbot.chatbot.account;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/v1/accounts} and {@code PUT /api/v1/me/consents}: explicit consent decisions. */
public record ConsentsRequest(@NotNull @Size(min = 1, max = 10) List<@Valid @NotNull ConsentInput> consents) {
}
