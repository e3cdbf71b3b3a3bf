package org.faithbot.verification.recovery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Restores every table of the service into new tables under another prefix, all requests first and
 * then every wait (in AWS each restore takes minutes; they run side by side). The service's tables
 * stay untouched, and the service is re-pointed at the new ones afterwards.
 */
public final class TableRestore {

    private final RecoveryDriver driver;
    private final List<String> logicalTables;

    public TableRestore(RecoveryDriver driver, List<String> logicalTables) {
        this.driver = driver;
        this.logicalTables = List.copyOf(logicalTables);
    }

    /** From each table's newest on-demand backup taken before the instant (so a backup of corrupted data is passed over). */
    public RestoreReport fromLatestBackupsBefore(String sourcePrefix, String targetPrefix, Instant before, Duration timeout) {
        List<BackupRecord> chosen = new ArrayList<>();
        for (String table : logicalTables) {
            chosen.add(driver.latestBackupBefore(sourcePrefix + table, before).orElseThrow(() -> new IllegalStateException(
                    "no available backup of " + sourcePrefix + table + " taken before " + before)));
        }
        List<Instant> requested = new ArrayList<>();
        for (int i = 0; i < logicalTables.size(); i++) {
            requested.add(Instant.now());
            driver.startRestore(chosen.get(i), targetPrefix + logicalTables.get(i));
        }
        List<RestoredTable> restored = new ArrayList<>();
        for (int i = 0; i < logicalTables.size(); i++) {
            String target = targetPrefix + logicalTables.get(i);
            Instant active = driver.awaitActive(target, timeout);
            restored.add(new RestoredTable(target, chosen.get(i).backupArn(), chosen.get(i).createdAt(), requested.get(i), active));
        }
        return new RestoreReport("backup", sourcePrefix, targetPrefix, restored);
    }

    /** DynamoDB point-in-time recovery of every table as it was at the instant; only where the target really has PITR. */
    public RestoreReport toPointInTime(String sourcePrefix, String targetPrefix, Instant pointInTime, Duration timeout) {
        PointInTimeRecovery pitr = driver.pointInTimeRecovery().orElseThrow(() -> new UnsupportedOperationException(
                "the " + driver.target() + " target has no point-in-time recovery (an emulator's RestoreTableToPointInTime "
                        + "copies the current table, which is not a recovery to a point in time)"));
        List<Instant> requested = new ArrayList<>();
        for (String table : logicalTables) {
            requested.add(Instant.now());
            pitr.startRestore(sourcePrefix + table, targetPrefix + table, pointInTime);
        }
        List<RestoredTable> restored = new ArrayList<>();
        for (int i = 0; i < logicalTables.size(); i++) {
            String target = targetPrefix + logicalTables.get(i);
            Instant active = driver.awaitActive(target, timeout);
            restored.add(new RestoredTable(target, "point in time " + pointInTime + " of " + sourcePrefix + logicalTables.get(i),
                    pointInTime, requested.get(i), active));
        }
        return new RestoreReport("point-in-time", sourcePrefix, targetPrefix, restored);
    }

    /** From the newest completed AWS Backup copy of each table in the disaster-recovery region's vault. */
    public RestoreReport fromDisasterRecoveryCopies(String sourcePrefix, String targetPrefix, Duration timeout) {
        CrossRegionBackups backups = driver.crossRegionBackups().orElseThrow(() -> new UnsupportedOperationException(
                "the " + driver.target() + " target has no AWS Backup vault in a disaster-recovery region"));
        List<CrossRegionBackups.RecoveryPoint> copies = new ArrayList<>();
        for (String table : logicalTables) {
            copies.add(backups.disasterRecoveryCopies(sourcePrefix + table).stream().filter(CrossRegionBackups.RecoveryPoint::completed)
                    .findFirst().orElseThrow(() -> new IllegalStateException("no completed copy of " + sourcePrefix + table
                            + " in the " + backups.disasterRecoveryRegion() + " vault")));
        }
        List<String> jobs = new ArrayList<>();
        List<Instant> requested = new ArrayList<>();
        for (int i = 0; i < logicalTables.size(); i++) {
            requested.add(Instant.now());
            jobs.add(backups.startRestoreInDisasterRecoveryRegion(copies.get(i), targetPrefix + logicalTables.get(i)));
        }
        List<RestoredTable> restored = new ArrayList<>();
        for (int i = 0; i < logicalTables.size(); i++) {
            CrossRegionBackups.RestoreJob job = backups.awaitRestoreJob(jobs.get(i), timeout);
            if (!job.completed()) {
                throw new IllegalStateException("restore job " + job.id() + " of " + copies.get(i).arn() + " ended " + job.status()
                        + ": " + job.message());
            }
            restored.add(new RestoredTable(targetPrefix + logicalTables.get(i), copies.get(i).arn(), copies.get(i).createdAt(),
                    requested.get(i), job.completedAt() == null ? Instant.now() : job.completedAt()));
        }
        return new RestoreReport("aws-backup", sourcePrefix, targetPrefix, restored);
    }
}
