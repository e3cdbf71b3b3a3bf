package org.faithbot.chatbot.system.security;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bearer tokens signed with a shared HMAC secret ({@code chatbot.security.jwt.*}).
 *
 * @param hmacSecret base64 of at least 32 bytes; tokens must be signed HS256 with it
 * @param issuer the required {@code iss} claim
 */
@ConfigurationProperties("chatbot.security.jwt")
public record JwtProperties(@Nullable String hmacSecret, @DefaultValue("faithbot-local-harness") String issuer) {
}
