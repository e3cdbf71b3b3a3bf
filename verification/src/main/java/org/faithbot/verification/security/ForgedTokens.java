package org.faithbot.verification.security;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The tokens of OWASP A07 (identification and authentication failures) the service must refuse, each made from a
 * valid token of one user by changing one thing, with the status it must get: 401 for a token that does not
 * authenticate, 403 for one that does but grants another role.
 */
public final class ForgedTokens {

    /** Beyond the validators' clock skew (60 s). */
    private static final Duration FAR = Duration.ofMinutes(10);

    private ForgedTokens() {
    }

    /** One refused token: what is wrong with it, the token, and the status it must get. */
    public record Forged(String flaw, String token, int expected) {
    }

    public static List<Forged> of(TokenIssuer issuer, TestUser user) {
        Instant now = Instant.now();
        byte[] retiredKey = new byte[32];
        new SecureRandom().nextBytes(retiredKey);
        return List.of(
                new Forged("alg none (unsigned)", new PlainJWT(valid(issuer, user).build()).serialize(), 401),
                new Forged("HS512 with the trusted key (an algorithm the service does not accept)",
                        hs512(valid(issuer, user).build(), issuer), 401),
                new Forged("signed with a key the service no longer holds (rotated out)",
                        TokenIssuer.sign(valid(issuer, user).build(), retiredKey), 401),
                new Forged("expired 10 minutes ago", issuer.sign(valid(issuer, user).issueTime(Date.from(now.minus(FAR.multipliedBy(2))))
                        .expirationTime(Date.from(now.minus(FAR))).build()), 401),
                new Forged("not valid for another 10 minutes (nbf)", issuer.sign(valid(issuer, user).notBeforeTime(Date.from(now.plus(FAR)))
                        .build()), 401),
                new Forged("another issuer", issuer.sign(valid(issuer, user).issuer("someone-else").build()), 401),
                new Forged("another audience", issuer.sign(valid(issuer, user).audience("another-service").build()), 401),
                new Forged("no audience", issuer.sign(valid(issuer, user).audience((String) null).build()), 401),
                new Forged("no subject", issuer.sign(valid(issuer, user).subject(null).build()), 401),
                new Forged("a forged signature (the last byte changed)", tampered(issuer.sign(valid(issuer, user).build())), 401),
                new Forged("the wrong scope (prayer-team on a member's endpoint)", issuer.tokenFor(user, "prayer-team"), 403),
                new Forged("no scope", issuer.sign(valid(issuer, user).claim("scope", null).build()), 403));
    }

    private static JWTClaimsSet.Builder valid(TokenIssuer issuer, TestUser user) {
        return issuer.claimsFor(user, "chat");
    }

    /** HMAC-signed by hand: nimbus refuses an HS512 key shorter than 512 bits, the service's key is 256. */
    private static String hs512(JWTClaimsSet claims, TokenIssuer issuer) {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String signingInput = url.encodeToString("{\"alg\":\"HS512\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(issuer.secretBase64()), "HmacSHA512"));
            return signingInput + "." + url.encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One character of the signature's middle changed (the last one may only carry padding bits). */
    private static String tampered(String token) {
        int at = token.length() - 10;
        char c = token.charAt(at);
        return token.substring(0, at) + (c == 'A' ? 'B' : 'A') + token.substring(at + 1);
    }
}
