package org.faithbot.verification.recovery;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * How a drill backs up and restores the service's tables on a target. Every target can take
 * on-demand DynamoDB backups and restore them into new tables; point-in-time recovery and AWS
 * Backup's cross-region copies exist only where the real services run (staging, production):
 * the local driver offers neither, rather than passing off an emulator's copy of the current
 * table as a point-in-time recovery.
 */
public interface RecoveryDriver extends AutoCloseable {

    /** local or staging: the target every figure measured through this driver is reported under. */
    String target();

    /** The DynamoDB the tables live in, for reading them directly. */
    DynamoDbClient dynamoDb();

    /** An on-demand backup (CreateBackup) of one table. */
    BackupRecord backUp(String table, String backupName);

    /** The newest available on-demand backup of the table created strictly before the instant. */
    Optional<BackupRecord> latestBackupBefore(String table, Instant before);

    /** Starts restoring a backup into a new table (RestoreTableFromBackup); {@link #awaitActive} waits for it. */
    void startRestore(BackupRecord backup, String targetTable);

    /** Waits until the table is ACTIVE and returns when it became so. */
    Instant awaitActive(String table, Duration timeout);

    /** Deletes a table (a drill's disaster, or the clean-up of a drill's restored tables). */
    void deleteTable(String table);

    /** Point-in-time recovery, where the target really has it. */
    default Optional<PointInTimeRecovery> pointInTimeRecovery() {
        return Optional.empty();
    }

    /** AWS Backup recovery points and their copies in the disaster-recovery region, where the target has them. */
    default Optional<CrossRegionBackups> crossRegionBackups() {
        return Optional.empty();
    }

    @Override
    default void close() {
    }
}
