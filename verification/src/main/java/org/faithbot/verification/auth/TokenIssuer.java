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
 * the harness generates for each run, in staging the key read from AWS Secrets Manager. Every token
 * names the service's audience ({@code chatbot.security.jwt.audience}, by default {@value #AUDIENCE}).
 */
public final class TokenIssuer {

    /** The audience the service requires in every token's {@code aud} claim. */
    public static final String AUDIENCE = "faithbot-chatbot";

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

    /** A token of the user with the given space-separated scopes (the role: chat, prayer-team, moderator, support, operator). */
    public String tokenFor(TestUser user, String scopes) {
        return sign(claimsFor(user, scopes).build());
    }

    /** A token of the operator role, which the service's admin and chaos endpoints require. */
    public String operatorToken() {
        return sign(claims("operator-harness", Instant.now()).claim("scope", "operator").build());
    }

    /** The claims of a valid token of the user with the scopes: what a spec alters to make a token the service must refuse. */
    public JWTClaimsSet.Builder claimsFor(TestUser user, String scopes) {
        return claims(user.id(), Instant.now())
                .claim("email", user.email())
                .claim("name", user.name())
                .claim("scope", scopes);
    }

    /** The claims signed as they are, HS256 with the key the service trusts. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, secret);
    }

    /** The claims signed HS256 with another key: a token the service must refuse, as after a key rotation. */
    public static String sign(JWTClaimsSet claims, byte[] key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a development token", e);
        }
    }

    private JWTClaimsSet.Builder claims(String subject, Instant now) {
        return new JWTClaimsSet.Builder()
                .subject(subject)
                .issuer(issuer)
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(LIFETIME)));
    }
}
