package org.faithbot.chatbot.account;

import jakarta.validation.constraints.NotNull;

/** The body of {@code PUT /api/v1/me/privacy/sale-sharing-opt-out}: {@code {"optOut": true}}. */
public record OptOutRequest(@NotNull Boolean optOut) {
}
