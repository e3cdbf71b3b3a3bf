package org.faithbot.verification.operation;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The stretch of production's operation a reading covers: from (inclusive) to (exclusive), whole minutes. */
public record OperationWindow(Instant from, Instant to) {

    public OperationWindow {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("an operation window must end after it starts: " + from + " .. " + to);
        }
    }

    /** The last {@code length} before {@code now}, cut to whole 5-minute periods so that CloudWatch's periods align. */
    public static OperationWindow last(Duration length, Instant now) {
        Instant end = now.truncatedTo(ChronoUnit.HOURS).plus(Duration.ofMinutes(now.atZone(java.time.ZoneOffset.UTC).getMinute() / 5 * 5L));
        return new OperationWindow(end.minus(length), end);
    }

    public Duration length() {
        return Duration.between(from, to);
    }

    public double hours() {
        return length().toSeconds() / 3600.0;
    }

    public boolean contains(Instant at) {
        return !at.isBefore(from) && at.isBefore(to);
    }

    @Override
    public String toString() {
        return from + " .. " + to + " (" + Math.round(hours()) + " h)";
    }
}
