package org.faithbot.verification.recovery;

import java.time.Duration;
import java.time.Instant;

/**
 * A table restored into a new table.
 *
 * @param source      what it was restored from: a backup ARN, a recovery point ARN, or "point in time ..."
 * @param restoredTo  the instant of the data: the backup's creation time or the point in time
 */
public record RestoredTable(String table, String source, Instant restoredTo, Instant requestedAt, Instant activeAt) {

    public Duration took() {
        return Duration.between(requestedAt, activeAt);
    }
}
