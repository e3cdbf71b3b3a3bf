package org.faithbot.chatbot.system;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;

/**
 * Identifiers. {@link #timeOrdered(Instant)} makes a UUID version 7 (RFC 9562): 48 bits of Unix
 * milliseconds then random bits, so ids made later sort after earlier ones (as text too), and a
 * sort key of such ids lists items newest or oldest first without an index.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static UUID timeOrdered(Instant at) {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        long millis = at.toEpochMilli();
        long high = (millis << 16) | 0x7000L | ((random[0] & 0x0FL) << 8) | (random[1] & 0xFFL);
        ByteBuffer low = ByteBuffer.wrap(random, 2, 8);
        long lowBits = (low.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, lowBits);
    }

    /** A name-based UUID (version 8, RFC 9562) from a digest of at least 16 bytes. */
    public static UUID fromDigest(byte[] digest) {
        ByteBuffer buffer = ByteBuffer.wrap(digest, 0, 16);
        long high = (buffer.getLong() & 0xFFFFFFFFFFFF0FFFL) | 0x8000L;
        long low = (buffer.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}
