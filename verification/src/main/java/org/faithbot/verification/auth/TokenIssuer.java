package org.faithbot.verification.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

/**
 * Signs development bearer tokens (HS256) with the key the target's service trusts: locally a key
 * the harness generates for each run, in staging the key read from AWS Secrets Manager.
 */
public final class TokenIssuer {

    private static final Duration LIFETIME = Duration.ofHours(2);

    private final byte[] secret;
    private final String issuer;

    public TokenIssuer(byte[] secret, String issuer) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("an HS256 key needs at least 256 bits");
        }
        this.secret = secret.clone();
        this.issuer = issuer;
    }

    public static TokenIssuer withFreshKey(String issuer) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new TokenIssuer(secret, issuer);
    }

    public String issuer() {
        return issuer;
    }

    public String secretBase64() {
        return Base64.getEncoder().encodeToString(secret);
    }

    public String tokenFor(TestUser user) {
        return tokenFor(user, "chat");
    }

    /** A token of the user with these scopes (space-separated: {@code chat}, {@code prayer-team}, {@code moderator}, {@code support}). */
    public String tokenFor(TestUser user, String scopes) {
        return sign(new JWTClaimsSet.Builder()
                .subject(user.id())
                .claim("email", user.email())
                .claim("name", user.name())
                .claim("scope", scopes)
                .build());
    }

    /** A token of the operator role, which the service's admin and chaos endpoints require. */
    public String operatorToken() {
        return sign(new JWTClaimsSet.Builder().subject("operator-harness").claim("scope", "operator").build());
    }

    private String sign(JWTClaimsSet claims) {
        Instant now = Instant.now();
        JWTClaimsSet withTimes = new JWTClaimsSet.Builder(claims)
                .issuer(issuer)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)))
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), withTimes);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }
}
