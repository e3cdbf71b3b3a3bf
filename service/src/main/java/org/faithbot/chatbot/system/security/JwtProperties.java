package org.faithbot.chatbot.system.security;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bearer tokens signed HS256 with a shared key ({@code chatbot.security.jwt.*}). The key comes from
 * {@code hmac-secret} (local runs: the harness controls it), from the Secrets Manager secret
 * {@code secret-id} (staging and production, as the harness reads it), or both (either verifies).
 *
 * @param hmacSecret base64 of at least 32 bytes
 * @param issuer the required {@code iss} claim
 * @param audience the audience every token must name in its {@code aud} claim: a token the issuer made for
 * another service is refused
 * @param secretId a Secrets Manager secret whose string is the base64 key; its current and previous
 * versions both verify, so a rotation never rejects tokens signed just before it
 * @param secretRefreshInterval how often the secret is read again (rotation)
 */
@ConfigurationProperties("chatbot.security.jwt")
public record JwtProperties(@Nullable String hmacSecret, @DefaultValue("faithbot-local-harness") String issuer,
        @DefaultValue("faithbot-chatbot") String audience,
        @Nullable String secretId, @DefaultValue("30s") Duration secretRefreshInterval) {

    public boolean hasHmacSecret() {
        return this.hmacSecret != null && !this.hmacSecret.isBlank();
    }

    public boolean hasSecretId() {
        return this.secretId != null && !this.secretId.isBlank();
    }
}
