package org.faithbot.verification.recovery;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.BackupClientBuilder;
import software.amazon.awssdk.services.backup.model.DescribeRestoreJobResponse;
import software.amazon.awssdk.services.backup.model.RecoveryPointByBackupVault;
import software.amazon.awssdk.services.backup.model.RecoveryPointByResource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The staging (and production) driver: the real AWS APIs. On-demand DynamoDB backups, DynamoDB
 * point-in-time recovery (DescribeContinuousBackups, RestoreTableToPointInTime into a new table) and
 * AWS Backup (recovery points in the primary vault, their copies in the disaster-recovery region's
 * vault, StartRestoreJob there).
 */
public final class AwsRecoveryDriver extends DynamoDbBackups implements PointInTimeRecovery, CrossRegionBackups {

    private static final Set<String> ENDED = Set.of("COMPLETED", "ABORTED", "FAILED");

    /**
     * @param endpoint        an endpoint override for every client (stubs in tests); null in AWS
     * @param restoreRoleArn  the role AWS Backup assumes for restores (terraform: module backup, backup_role_arn)
     */
    public record Settings(Region region, Region disasterRecoveryRegion, String primaryVault, String disasterRecoveryVault,
                           String restoreRoleArn, URI endpoint) {
    }

    private final Settings settings;
    private final BackupClient primaryBackup;
    private final BackupClient drBackup;
    private final DynamoDbClient drDynamoDb;
    private final Duration pollInterval;

    private AwsRecoveryDriver(Settings settings, DynamoDbClient dynamoDb, BackupClient primaryBackup, BackupClient drBackup,
                              DynamoDbClient drDynamoDb, Duration pollInterval) {
        super(dynamoDb, pollInterval);
        this.settings = settings;
        this.primaryBackup = primaryBackup;
        this.drBackup = drBackup;
        this.drDynamoDb = drDynamoDb;
        this.pollInterval = pollInterval;
    }

    public static AwsRecoveryDriver connect(Settings settings) {
        return connect(settings, Duration.ofSeconds(10));
    }

    static AwsRecoveryDriver connect(Settings settings, Duration pollInterval) {
        return new AwsRecoveryDriver(settings, dynamoDbClient(settings, settings.region()), backupClient(settings, settings.region()),
                backupClient(settings, settings.disasterRecoveryRegion()), dynamoDbClient(settings, settings.disasterRecoveryRegion()),
                pollInterval);
    }

    private static DynamoDbClient dynamoDbClient(Settings settings, Region region) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().region(region)
                .credentialsProvider(credentials(settings)).httpClientBuilder(UrlConnectionHttpClient.builder());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static BackupClient backupClient(Settings settings, Region region) {
        BackupClientBuilder builder = BackupClient.builder().region(region).credentialsProvider(credentials(settings))
                .httpClientBuilder(UrlConnectionHttpClient.builder());
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        return builder.build();
    }

    private static AwsCredentialsProvider credentials(Settings settings) {
        return settings.endpoint() == null ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create("stub", "stub"));
    }

    @Override
    public String target() {
        return "staging";
    }

    @Override
    public Optional<PointInTimeRecovery> pointInTimeRecovery() {
        return Optional.of(this);
    }

    @Override
    public Optional<CrossRegionBackups> crossRegionBackups() {
        return Optional.of(this);
    }

    // ---- point-in-time recovery -------------------------------------------------------------

    @Override
    public PitrStatus status(String table) {
        ContinuousBackupsDescription description = dynamoDb().describeContinuousBackups(r -> r.tableName(table))
                .continuousBackupsDescription();
        PointInTimeRecoveryDescription pitr = description.pointInTimeRecoveryDescription();
        if (pitr == null) {
            return new PitrStatus(table, "DISABLED", null, null, null);
        }
        return new PitrStatus(table, pitr.pointInTimeRecoveryStatusAsString(), pitr.recoveryPeriodInDays(),
                pitr.earliestRestorableDateTime(), pitr.latestRestorableDateTime());
    }

    @Override
    public void startRestore(String source, String target, Instant pointInTime) {
        dynamoDb().restoreTableToPointInTime(r -> r.sourceTableName(source).targetTableName(target).restoreDateTime(pointInTime));
    }

    // ---- AWS Backup, cross-region ---------------------------------------------------------

    @Override
    public List<RecoveryPoint> primaryRecoveryPoints(String tableArn) {
        List<RecoveryPoint> points = new ArrayList<>();
        for (RecoveryPointByResource p : primaryBackup.listRecoveryPointsByResourcePaginator(r -> r.resourceArn(tableArn)).recoveryPoints()) {
            if (p.backupVaultName().equals(settings.primaryVault())) {
                points.add(new RecoveryPoint(p.recoveryPointArn(), p.backupVaultName(), tableArn, p.statusAsString(),
                        p.creationDate(), null, null));
            }
        }
        points.sort(Comparator.comparing(RecoveryPoint::createdAt).reversed());
        return points;
    }

    @Override
    public List<RecoveryPoint> disasterRecoveryCopies(String table) {
        List<RecoveryPoint> points = new ArrayList<>();
        for (RecoveryPointByBackupVault p : drBackup.listRecoveryPointsByBackupVaultPaginator(
                r -> r.backupVaultName(settings.disasterRecoveryVault()).byResourceType("DynamoDB")).recoveryPoints()) {
            if (p.resourceArn() == null || !p.resourceArn().endsWith(":table/" + table)) {
                continue;
            }
            points.add(new RecoveryPoint(p.recoveryPointArn(), p.backupVaultName(), p.resourceArn(), p.statusAsString(),
                    p.creationDate(), p.completionDate(), p.sourceBackupVaultArn()));
        }
        points.sort(Comparator.comparing(RecoveryPoint::createdAt).reversed());
        return points;
    }

    @Override
    public String startRestoreInDisasterRecoveryRegion(RecoveryPoint copy, String targetTable) {
        if (settings.restoreRoleArn() == null || settings.restoreRoleArn().isBlank()) {
            throw new IllegalStateException("a restore job needs the AWS Backup role's ARN (staging.backup-role-arn / --role-arn)");
        }
        Map<String, String> metadata = new HashMap<>(drBackup.getRecoveryPointRestoreMetadata(
                r -> r.backupVaultName(copy.vault()).recoveryPointArn(copy.arn())).restoreMetadata());
        metadata.put("targetTableName", targetTable);
        return drBackup.startRestoreJob(r -> r.recoveryPointArn(copy.arn()).iamRoleArn(settings.restoreRoleArn())
                .resourceType("DynamoDB").metadata(metadata)).restoreJobId();
    }

    @Override
    public RestoreJob awaitRestoreJob(String restoreJobId, Duration timeout) {
        AtomicReference<DescribeRestoreJobResponse> last = new AtomicReference<>();
        try {
            Awaitility.await().atMost(timeout).pollDelay(Duration.ZERO).pollInterval(pollInterval).until(() -> {
                last.set(drBackup.describeRestoreJob(r -> r.restoreJobId(restoreJobId)));
                return ENDED.contains(last.get().statusAsString());
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("restore job " + restoreJobId + " did not end within " + timeout + " (last status: "
                    + (last.get() == null ? "unknown" : last.get().statusAsString()) + ")", e);
        }
        DescribeRestoreJobResponse job = last.get();
        return new RestoreJob(job.restoreJobId(), job.statusAsString(), job.createdResourceArn(), job.creationDate(),
                job.completionDate(), job.statusMessage());
    }

    @Override
    public String disasterRecoveryRegion() {
        return settings.disasterRecoveryRegion().id();
    }

    @Override
    public DynamoDbClient disasterRecoveryDynamoDb() {
        return drDynamoDb;
    }

    /** The table's ARN (AWS Backup names resources by ARN). */
    public String tableArn(String table) {
        return dynamoDb().describeTable(r -> r.tableName(table)).table().tableArn();
    }

    @Override
    public void close() {
        dynamoDb().close();
        primaryBackup.close();
        drBackup.close();
        drDynamoDb.close();
    }
}
