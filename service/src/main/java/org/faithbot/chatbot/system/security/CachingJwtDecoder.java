package org.faithbot.chatbot.system.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.crypto.SecretKey;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.jspecify.annotations.Nullable;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens it has verified, so a client that sends the same bearer token with every
 * request has its signature checked and its claims parsed once rather than on every request (the
 * decoding was a seventh of a chat turn's CPU in the service).
 *
 * <p>Only what the delegate accepted is remembered, keyed by the whole token: a token that differs
 * in any byte, its signature included, is decoded afresh. A remembered token is served only while
 * it has not expired ({@code exp}, without the validator's clock skew), for at most
 * {@code maxAge}, and only while the signing keys are those it was verified under: when a
 * rotation retires a key, the tokens it signed are decoded again, and refused.
 */
final class CachingJwtDecoder implements JwtDecoder {

    private final JwtDecoder delegate;

    private final SigningKeys signingKeys;

    private final Clock clock;

    private final Duration maxAge;

    private final Cache<String, Verified> verified;

    CachingJwtDecoder(JwtDecoder delegate, SigningKeys signingKeys, Clock clock, long maxTokens, Duration maxAge) {
        this.delegate = delegate;
        this.signingKeys = signingKeys;
        this.clock = clock;
        this.maxAge = maxAge;
        this.verified = Caffeine.newBuilder()
            .maximumSize(maxTokens)
            .expireAfter(Expiry.creating((String token, Verified entry) -> entry.lifetime()))
            .build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Instant now = this.clock.instant();
        List<SecretKey> keys = this.signingKeys.current();
        Verified remembered = this.verified.getIfPresent(token);
        if (remembered != null && remembered.servable(now, keys)) {
            return remembered.jwt();
        }
        Jwt jwt = this.delegate.decode(token);
        Duration lifetime = lifetime(jwt.getExpiresAt(), now);
        if (lifetime.isPositive()) {
            this.verified.put(token, new Verified(jwt, keys, now.plus(lifetime), lifetime));
        }
        else {
            this.verified.invalidate(token);
        }
        return jwt;
    }

    private Duration lifetime(@Nullable Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return this.maxAge;
        }
        Duration untilExpiry = Duration.between(now, expiresAt);
        return (untilExpiry.compareTo(this.maxAge) < 0) ? untilExpiry : this.maxAge;
    }

    /** A token the delegate accepted, the keys it was verified under, and until when it may be served. */
    private record Verified(Jwt jwt, List<SecretKey> keys, Instant servableUntil, Duration lifetime) {

        boolean servable(Instant now, List<SecretKey> currentKeys) {
            return now.isBefore(this.servableUntil) && this.keys.equals(currentKeys);
        }
    }
}
