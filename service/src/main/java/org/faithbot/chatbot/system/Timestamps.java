package org.faithbot.chatbot.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The service's one timestamp format: ISO-8601 UTC with exactly three fraction digits
 * ({@code 2026-11-24T18:00:00.000Z}), so stored timestamps also sort as text.
 */
public final class Timestamps {

    private static final DateTimeFormatter ISO_MILLIS = DateTimeFormatter
        .ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
        .withZone(ZoneOffset.UTC);

    private Timestamps() {
    }

    public static String format(Instant instant) {
        return ISO_MILLIS.format(instant.truncatedTo(ChronoUnit.MILLIS));
    }
}
