package org.faithbot.chatbot.system.crypto;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The service's own secret key ({@code chatbot.privacy.pseudonym-key}, base64 of at least 32
 * bytes): keys the one-way pseudonyms of user ids (privacy audit trail, actor references, analytics)
 * and seals paging cursors. Every instance of an environment needs the same key. When unset it is
 * derived from {@code chatbot.security.jwt.hmac-secret} (local runs); without either a random key
 * is made per process (pseudonyms then change on restart).
 *
 * @param pseudonymKey base64 key
 */
@ConfigurationProperties("chatbot.privacy")
public record ServiceKeyProperties(@Nullable String pseudonymKey) {
}
