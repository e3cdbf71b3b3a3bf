package org.faithbot.verification.recovery;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.BackupTypeFilter;
import software.amazon.awssdk.services.dynamodb.model.ListBackupsResponse;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * DynamoDB's own on-demand backups, the same API on moto and in AWS: CreateBackup, ListBackups,
 * RestoreTableFromBackup into a new table, DescribeTable until it is ACTIVE.
 */
abstract class DynamoDbBackups implements RecoveryDriver {

    private final DynamoDbClient dynamoDb;
    private final Duration pollInterval;

    DynamoDbBackups(DynamoDbClient dynamoDb, Duration pollInterval) {
        this.dynamoDb = dynamoDb;
        this.pollInterval = pollInterval;
    }

    @Override
    public DynamoDbClient dynamoDb() {
        return dynamoDb;
    }

    @Override
    public BackupRecord backUp(String table, String backupName) {
        BackupDetails details = dynamoDb.createBackup(r -> r.tableName(table).backupName(backupName)).backupDetails();
        return new BackupRecord(table, details.backupArn(), details.backupName(), details.backupCreationDateTime(),
                details.backupStatusAsString());
    }

    @Override
    public Optional<BackupRecord> latestBackupBefore(String table, Instant before) {
        BackupRecord latest = null;
        String start = null;
        do {
            String exclusiveStart = start;
            ListBackupsResponse page = dynamoDb.listBackups(r -> r.tableName(table).backupType(BackupTypeFilter.USER)
                    .exclusiveStartBackupArn(exclusiveStart));
            for (BackupSummary summary : page.backupSummaries()) {
                BackupRecord backup = new BackupRecord(summary.tableName(), summary.backupArn(), summary.backupName(),
                        summary.backupCreationDateTime(), summary.backupStatusAsString());
                if (backup.available() && backup.createdAt().isBefore(before)
                        && (latest == null || backup.createdAt().isAfter(latest.createdAt()))) {
                    latest = backup;
                }
            }
            start = page.lastEvaluatedBackupArn();
        } while (start != null);
        return Optional.ofNullable(latest);
    }

    @Override
    public void startRestore(BackupRecord backup, String targetTable) {
        dynamoDb.restoreTableFromBackup(r -> r.backupArn(backup.backupArn()).targetTableName(targetTable));
    }

    @Override
    public Instant awaitActive(String table, Duration timeout) {
        AtomicReference<String> status = new AtomicReference<>("unknown");
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(pollInterval).until(() -> {
                try {
                    status.set(dynamoDb.describeTable(r -> r.tableName(table)).table().tableStatusAsString());
                } catch (ResourceNotFoundException notYet) {
                    status.set("not found");
                }
                return TableStatus.ACTIVE.toString().equals(status.get());
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("table " + table + " was not ACTIVE within " + timeout + " (last status: " + status.get() + ")", e);
        }
        return Instant.now();
    }

    @Override
    public void deleteTable(String table) {
        dynamoDb.deleteTable(r -> r.tableName(table));
    }
}
