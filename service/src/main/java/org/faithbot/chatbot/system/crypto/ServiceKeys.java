package org.faithbot.chatbot.system.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keys derived from the service key (HMAC-SHA256 of a purpose label), one per purpose, so no key
 * is ever used for two things.
 */
public final class ServiceKeys {

    static final int MIN_KEY_BYTES = 32;

    private final byte[] masterKey;

    private final boolean ephemeral;

    private ServiceKeys(byte[] masterKey, boolean ephemeral) {
        this.masterKey = masterKey.clone();
        this.ephemeral = ephemeral;
    }

    public static ServiceKeys of(byte[] masterKey) {
        if (masterKey.length < MIN_KEY_BYTES) {
            throw new IllegalStateException("the service key must have at least " + MIN_KEY_BYTES + " bytes");
        }
        return new ServiceKeys(masterKey, false);
    }

    /** Derived from another secret (e.g. the token signing secret), under a label of its own. */
    public static ServiceKeys derivedFrom(byte[] secret) {
        return new ServiceKeys(hmac(secret, "faithbot/service-key/v1"), false);
    }

    public static ServiceKeys random() {
        byte[] key = new byte[MIN_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        return new ServiceKeys(key, true);
    }

    public static byte[] decodeBase64(String text) {
        String stripped = text.strip();
        try {
            return Base64.getDecoder().decode(stripped);
        }
        catch (IllegalArgumentException notStandard) {
            return Base64.getUrlDecoder().decode(stripped);
        }
    }

    /** The key of one purpose, e.g. {@code pseudonyms} or {@code cursors}. */
    public byte[] keyFor(String purpose) {
        return hmac(this.masterKey, "faithbot/" + purpose + "/v1");
    }

    public boolean ephemeral() {
        return this.ephemeral;
    }

    static byte[] hmac(byte[] key, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(label.getBytes(StandardCharsets.UTF_8));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    @Override
    public String toString() {
        return "ServiceKeys[" + (this.ephemeral ? "ephemeral" : "configured") + "]";
    }
}
