package org.faithbot.chatbot.system.paging;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.faithbot.chatbot.system.crypto.ServiceKeys;
import org.faithbot.chatbot.system.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns DynamoDB's LastEvaluatedKey into an opaque paging cursor and back. The cursor is sealed
 * (AES-GCM under a key derived from the service key) and bound to the listing and the caller: it
 * never shows the keys it holds (an index's key includes other users' ids), cannot be forged, and a
 * cursor of one listing or user is refused by any other (400).
 */
public class CursorCodec {

    private static final int NONCE_BYTES = 12;

    private static final int TAG_BITS = 128;

    private static final TypeReference<Map<String, Map<String, String>>> KEY_TYPE = new TypeReference<>() {
    };

    private final SecretKeySpec key;

    private final JsonMapper json = JsonMapper.builder().build();

    private final SecureRandom random = new SecureRandom();

    public CursorCodec(ServiceKeys keys) {
        this.key = new SecretKeySpec(keys.keyFor("cursors"), 0, 32, "AES");
    }

    /** The cursor of a page's end, or null when there is no next page. */
    public @Nullable String encode(@Nullable Map<String, AttributeValue> lastEvaluatedKey, String listing,
            String caller) {
        if (lastEvaluatedKey == null || lastEvaluatedKey.isEmpty()) {
            return null;
        }
        Map<String, Map<String, String>> plain = new LinkedHashMap<>();
        lastEvaluatedKey.forEach((name, value) -> plain.put(name,
                (value.n() != null) ? Map.of("N", value.n()) : Map.of("S", String.valueOf(value.s()))));
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            this.random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(binding(listing, caller));
            byte[] sealed = cipher.doFinal(this.json.writeValueAsBytes(plain));
            byte[] cursor = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, cursor, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, cursor, NONCE_BYTES, sealed.length);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("cannot seal a paging cursor", ex);
        }
    }

    /** The start key of the page a cursor points to; null for no cursor; 400 for a cursor not made for this. */
    public @Nullable Map<String, AttributeValue> decode(@Nullable String cursor, String listing, String caller) {
        if (cursor == null || cursor.isEmpty()) {
            return null;
        }
        try {
            byte[] bytes = Base64.getUrlDecoder().decode(cursor);
            if (bytes.length <= NONCE_BYTES || cursor.length() > 2048) {
                throw invalid();
            }
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(binding(listing, caller));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            Map<String, Map<String, String>> key = this.json.readValue(plain, KEY_TYPE);
            Map<String, AttributeValue> startKey = new LinkedHashMap<>();
            key.forEach((name, value) -> startKey.put(name, value.containsKey("N") ? AttributeValue.fromN(value.get("N"))
                    : AttributeValue.fromS(value.get("S"))));
            return startKey;
        }
        catch (IllegalArgumentException | GeneralSecurityException | JacksonException ex) {
            throw invalid();
        }
    }

    private static ApiProblem invalid() {
        return ApiProblem.badRequest("The cursor is invalid: use the nextCursor of the previous page of this listing");
    }

    private static byte[] binding(String listing, String caller) {
        return (listing + "\u0000" + caller).getBytes(StandardCharsets.UTF_8);
    }
}
