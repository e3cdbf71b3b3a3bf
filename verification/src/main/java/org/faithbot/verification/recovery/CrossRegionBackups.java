package org.faithbot.verification.recovery;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** AWS Backup: the recovery points of a table in the primary vault, their copies in the DR region's vault, restores there. */
public interface CrossRegionBackups {

    /** The table's recovery points in the primary region's vault, newest first. */
    List<RecoveryPoint> primaryRecoveryPoints(String tableArn);

    /**
     * The copies of the table's recovery points in the DR region's vault, newest first. Found by the
     * table's name (the ARN's last part), so it works while the primary region cannot be reached.
     */
    List<RecoveryPoint> disasterRecoveryCopies(String table);

    /** Starts a restore job of a DR-region recovery point into a new table in the DR region; returns the job id. */
    String startRestoreInDisasterRecoveryRegion(RecoveryPoint copy, String targetTable);

    /** Waits until the restore job ends (COMPLETED, ABORTED or FAILED) and returns it. */
    RestoreJob awaitRestoreJob(String restoreJobId, Duration timeout);

    /** The DR region's name, for reports. */
    String disasterRecoveryRegion();

    /** A DynamoDB client in the DR region, to read what a restore there produced. */
    DynamoDbClient disasterRecoveryDynamoDb();

    record RecoveryPoint(String arn, String vault, String resourceArn, String status, Instant createdAt, Instant completedAt,
                         String sourceVaultArn) {

        public boolean completed() {
            return "COMPLETED".equals(status);
        }
    }

    record RestoreJob(String id, String status, String createdResourceArn, Instant createdAt, Instant completedAt, String message) {

        public boolean completed() {
            return "COMPLETED".equals(status);
        }
    }
}
