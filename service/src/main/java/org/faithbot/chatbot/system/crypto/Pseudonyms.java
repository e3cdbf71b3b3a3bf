package org.faithbot.chatbot.system.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * One-way keyed pseudonyms (HMAC-SHA256 under the service's pseudonym key) of user ids and other
 * values: the same input always gives the same pseudonym, nobody without the key can compute or
 * reverse it, and it never contains the input. Used wherever a record must point to a person
 * without holding their id: the privacy audit trail, who claimed or hid a prayer, analytics.
 */
public class Pseudonyms {

    private final SecretKeySpec key;

    public Pseudonyms(ServiceKeys keys) {
        this.key = new SecretKeySpec(keys.keyFor("pseudonyms"), "HmacSHA256");
    }

    /** The pseudonym of a user id, e.g. {@code u1.Zk3...} (base64url, 43 characters after the prefix). */
    public String ofUser(String userId) {
        return "u1." + digest("user\u0000" + userId);
    }

    /** The 32-byte keyed digest of a value (for name-based ids). */
    public byte[] digestBytes(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(this.key);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    private String digest(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digestBytes(value));
    }
}
