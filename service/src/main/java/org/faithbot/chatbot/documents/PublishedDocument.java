package org.faithbot.chatbot.documents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A document the service publishes (privacy policy, terms, community guidelines): metadata, Markdown body and its ETag. */
public record PublishedDocument(String id, String title, String version, String effective, String markdown) {

    public String etag() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest((this.version + "\n" + this.markdown).getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
