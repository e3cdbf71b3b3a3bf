package org.faithbot.chatbot.system.security;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The verified-token cache in front of the token decoder. */
class CachingJwtDecoderTest {

    private static final Instant START = Instant.parse("2026-11-25T12:00:00Z");

    private static final SecretKey KEY = key("the-first-signing-key-of-the-harness!!!");

    private final SettableClock clock = new SettableClock(START);

    private final CountingDecoder delegate = new CountingDecoder();

    private List<SecretKey> keys = List.of(KEY);

    private final CachingJwtDecoder decoder = new CachingJwtDecoder(this.delegate, () -> this.keys, this.clock, 100,
            Duration.ofMinutes(5));

    @Test
    void verifiesATokenOnceAndServesItsRepeatsFromMemory() {
        Jwt first = this.decoder.decode("token-a");
        Jwt again = this.decoder.decode("token-a");
        assertThat(again).isSameAs(first);
        assertThat(this.delegate.decoded).containsExactly("token-a");
    }

    @Test
    void anyOtherTokenIsVerifiedOnItsOwn() {
        this.decoder.decode("token-a");
        this.decoder.decode("token-a-but-another-signature");
        assertThat(this.delegate.decoded).containsExactly("token-a", "token-a-but-another-signature");
    }

    @Test
    void aRefusedTokenIsNotRememberedAndIsRefusedEveryTime() {
        this.delegate.refuse("forged");
        assertThatThrownBy(() -> this.decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> this.decoder.decode("forged")).isInstanceOf(BadJwtException.class);
        assertThat(this.delegate.decoded).containsExactly("forged", "forged");
    }

    @Test
    void aRememberedTokenIsNotServedOnceItHasExpired() {
        this.delegate.expiresIn = Duration.ofSeconds(30);
        this.decoder.decode("token-a");
        this.clock.now = START.plusSeconds(29);
        this.decoder.decode("token-a");
        assertThat(this.delegate.decoded).hasSize(1);

        this.clock.now = START.plusSeconds(30);
        this.delegate.refuse("token-a");
        assertThatThrownBy(() -> this.decoder.decode("token-a")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aLongLivedTokenIsVerifiedAgainAfterTheMaximumAge() {
        this.delegate.expiresIn = Duration.ofHours(12);
        this.decoder.decode("token-a");
        this.clock.now = START.plus(Duration.ofMinutes(5));
        this.decoder.decode("token-a");
        assertThat(this.delegate.decoded).containsExactly("token-a", "token-a");
    }

    @Test
    void aTokenIsVerifiedAgainWhenTheSigningKeysChange() {
        this.decoder.decode("token-a");
        this.keys = List.of(key("the-second-signing-key-of-the-harness!!"));
        this.delegate.refuse("token-a");
        assertThatThrownBy(() -> this.decoder.decode("token-a")).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenThatHasAlreadyExpiredIsNeverRemembered() {
        this.delegate.expiresIn = Duration.ofSeconds(-10);
        this.decoder.decode("token-in-its-skew");
        this.decoder.decode("token-in-its-skew");
        assertThat(this.delegate.decoded).hasSize(2);
    }

    private static SecretKey key(String secret) {
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }

    /** Decodes any token to a subject, counting its calls; refuses the tokens it was told to. */
    private final class CountingDecoder implements JwtDecoder {

        private final List<String> decoded = new ArrayList<>();

        private final List<String> refused = new ArrayList<>();

        private Duration expiresIn = Duration.ofMinutes(10);

        void refuse(String token) {
            this.refused.add(token);
        }

        @Override
        public Jwt decode(String token) {
            this.decoded.add(token);
            if (this.refused.contains(token)) {
                throw new BadJwtException("refused: " + token);
            }
            Instant now = CachingJwtDecoderTest.this.clock.instant();
            return Jwt.withTokenValue(token)
                .header("alg", "HS256")
                .subject("user-1")
                .issuedAt(now.plus(this.expiresIn).minusSeconds(60))
                .expiresAt(now.plus(this.expiresIn))
                .build();
        }
    }

    private static final class SettableClock extends Clock {

        private Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return this.now;
        }
    }
}
