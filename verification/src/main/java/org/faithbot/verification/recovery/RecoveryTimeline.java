package org.faithbot.verification.recovery;

import java.time.Duration;
import java.time.Instant;

/**
 * When each phase of a recovery ended, from the disaster to a healthy service serving restored data:
 * the recovery time actual (RTO) and its parts.
 */
public record RecoveryTimeline(Instant disasterAt, Instant restoreRequestedAt, Instant tablesActiveAt, Instant repointedAt,
                               Instant readyAt, Instant servingAt) {

    /** From the disaster to the service answering with restored data. */
    public Duration rto() {
        return Duration.between(disasterAt, servingAt);
    }

    public Duration restoring() {
        return Duration.between(restoreRequestedAt, tablesActiveAt);
    }

    /** From re-pointing (a new service instance on the restored tables) to serving restored data. */
    public Duration repointing() {
        return Duration.between(repointedAt, servingAt);
    }

    public String describe() {
        return String.format("disaster -> restore requested %.1f s, tables ACTIVE after %.1f s, re-pointed service ready after %.1f s, "
                        + "serving restored data after %.1f s: RTO %.1f s",
                seconds(disasterAt, restoreRequestedAt), seconds(restoreRequestedAt, tablesActiveAt), seconds(repointedAt, readyAt),
                seconds(readyAt, servingAt), rto().toMillis() / 1000.0);
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
