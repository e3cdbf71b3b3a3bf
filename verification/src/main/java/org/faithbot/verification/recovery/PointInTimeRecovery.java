package org.faithbot.verification.recovery;

import java.time.Instant;

/** DynamoDB point-in-time recovery (PITR) of a real AWS account. */
public interface PointInTimeRecovery {

    /** DescribeContinuousBackups: whether PITR is on and the window it can restore from. */
    PitrStatus status(String table);

    /** Starts RestoreTableToPointInTime of {@code source} as it was at {@code pointInTime} into the new table {@code target}. */
    void startRestore(String source, String target, Instant pointInTime);

    /** @param earliest / latest the restorable window; null when PITR is off */
    record PitrStatus(String table, String status, Integer recoveryPeriodInDays, Instant earliest, Instant latest) {

        public boolean enabled() {
            return "ENABLED".equals(status);
        }
    }
}
