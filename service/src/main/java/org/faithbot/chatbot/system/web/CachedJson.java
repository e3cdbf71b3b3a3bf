package org.faithbot.chatbot.system.web;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import tools.jackson.databind.json.JsonMapper;

/**
 * A JSON representation rendered once and kept in an in-process cache: its bytes and a strong
 * ETag (a digest of the bytes, so every instance gives the same ETag for the same content).
 */
public record CachedJson(byte[] body, String etag) {

    public static CachedJson of(JsonMapper json, Object value) {
        byte[] body = json.writeValueAsBytes(value);
        return new CachedJson(body, etagOf(body));
    }

    public static String etagOf(byte[] body) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body), 0, 16) + "\"";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
