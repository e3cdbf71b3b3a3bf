package org.faithbot.chatbot.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Bearer tokens for the tests, signed HS256 like the harness's (or deliberately not). */
public final class TestTokens {

    public static final byte[] SECRET = "test-secret-of-the-faithbot-chatbot-service!".getBytes(StandardCharsets.UTF_8);

    public static final String SECRET_BASE64 = Base64.getEncoder().encodeToString(SECRET);

    public static final String ISSUER = "faithbot-test-issuer";

    /** The service's default audience ({@code chatbot.security.jwt.audience}). */
    public static final String AUDIENCE = "faithbot-chatbot";

    private TestTokens() {
    }

    public static String newUserId() {
        return "user-" + UUID.randomUUID();
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }

    /** A user of the chat (scope {@code chat}). */
    public static String user(String userId) {
        return withScopes(userId, "chat");
    }

    public static String user(String userId, String email, String name) {
        return sign(claims(userId).claim("email", email).claim("name", name).claim("scope", "chat").build(), SECRET);
    }

    public static String operator(String userId) {
        return withScopes(userId, "operator");
    }

    /** A valid token with the given space-separated scopes (none when empty). */
    public static String withScopes(String userId, String scopes) {
        JWTClaimsSet.Builder claims = claims(userId);
        if (!scopes.isEmpty()) {
            claims.claim("scope", scopes);
        }
        return sign(claims.build(), SECRET);
    }

    public static String forged(String userId) {
        return sign(claims(userId).claim("scope", "chat").build(), "another-secret-that-is-also-long-enough!!".getBytes(StandardCharsets.UTF_8));
    }

    public static String wrongIssuer(String userId) {
        return sign(claims(userId).issuer("someone-else").claim("scope", "chat").build(), SECRET);
    }

    /** A token the service's issuer made for another service. */
    public static String wrongAudience(String userId) {
        return sign(claims(userId).audience("another-service").claim("scope", "chat").build(), SECRET);
    }

    public static String withoutAudience(String userId) {
        return sign(claims(userId).audience((String) null).claim("scope", "chat").build(), SECRET);
    }

    public static String expired(String userId) {
        Instant issued = Instant.now().minus(Duration.ofHours(2));
        return sign(claims(userId).claim("scope", "chat").issueTime(Date.from(issued))
            .expirationTime(Date.from(issued.plus(Duration.ofMinutes(10))))
            .build(), SECRET);
    }

    public static String withoutSubject() {
        return sign(new JWTClaimsSet.Builder().issuer(ISSUER)
            .audience(AUDIENCE)
            .issueTime(new Date())
            .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(10))))
            .build(), SECRET);
    }

    public static String unsigned(String userId) {
        return new PlainJWT(claims(userId).build()).serialize();
    }

    private static JWTClaimsSet.Builder claims(String userId) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(userId)
            .issuer(ISSUER)
            .audience(AUDIENCE)
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    }

    private static String sign(JWTClaimsSet claims, byte[] secret) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        }
        catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
