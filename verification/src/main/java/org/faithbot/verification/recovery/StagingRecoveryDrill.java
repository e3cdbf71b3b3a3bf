package org.faithbot.verification.recovery;

import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.target.Target;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The recovery drills of the staging environment, on AWS itself ({@link AwsRecoveryDriver}, connected on first use):
 * point-in-time recovery of every table into new tables, and AWS Backup's copies in the disaster-recovery region
 * restored there; each measured against the production objectives. The tables a drill restored are deleted by
 * {@link #deleteRestoredTables()}.
 */
public final class StagingRecoveryDrill implements AutoCloseable {

    private final Target target;
    private final Path projectRoot;
    private AwsRecoveryDriver staging;
    private RecoveryObjectives objectives;
    private List<AcknowledgedWrite> writes = List.of();
    private RestoreReport restore;
    private DynamoDbClient restoredIn;
    private final List<String> restoredTablesToDelete = new ArrayList<>();

    /** @param projectRoot where the objectives are read from (docs/recovery-objectives.md), when first needed */
    public StagingRecoveryDrill(Target target, Path projectRoot) {
        this.target = target;
        this.projectRoot = projectRoot;
    }

    private AwsRecoveryDriver staging() {
        if (staging == null) {
            staging = AwsRecoveryDriver.connect(StagingRecoverySettings.fromConfiguration());
        }
        return staging;
    }

    private RecoveryObjectives objectives() {
        if (objectives == null) {
            objectives = RecoveryObjectives.load(projectRoot);
        }
        return objectives;
    }

    private List<String> tables() {
        return target.tables().tables().stream().map(t -> t.name()).toList();
    }

    // ---- point-in-time recovery -------------------------------------------------------------------------------

    /** The tables without point-in-time recovery (judged to be none), and the shortest recovery period, judged at least {@code days}. */
    public List<Figure> pointInTimeRecovery(int days) {
        PointInTimeRecovery pitr = staging().pointInTimeRecovery().orElseThrow();
        List<PointInTimeRecovery.PitrStatus> statuses = tables().stream().map(t -> pitr.status(target.tablePrefix() + t)).toList();
        long disabled = statuses.stream().filter(s -> !s.enabled()).count();
        int shortest = statuses.stream().filter(PointInTimeRecovery.PitrStatus::enabled)
                .mapToInt(s -> s.recoveryPeriodInDays() == null ? 35 : s.recoveryPeriodInDays()).min().orElse(0);
        String conditions = statuses.stream().map(s -> s.table() + " " + s.status() + " (" + s.earliest() + " .. " + s.latest() + ")")
                .collect(Collectors.joining("; "));
        return List.of(Figure.of("tables without point-in-time recovery", disabled, "tables").equalTo(0.0).when(conditions),
                Figure.of("point-in-time recovery period, shortest of the tables", shortest, "days").atLeast(days).when(conditions));
    }

    /** {@code user} writes {@code count} chat messages through the service, each acknowledgement recorded. */
    public void writes(TestUser user, int count) {
        writes = ChatTraffic.turns(target.baseUrl(), target.tokens(), user, count);
    }

    /**
     * Waits (up to twice the in-region RPO) until point-in-time recovery can restore the newest write, and gives the time it
     * took, which bounds the in-region RPO, judged against it.
     */
    public Figure awaitWritesRestorable() {
        PointInTimeRecovery pitr = staging().pointInTimeRecovery().orElseThrow();
        Instant lastAck = writes.getLast().acknowledgedAt();
        Duration objective = objectives().production("in-region").rpo();
        try {
            Awaitility.await().atMost(objective.multipliedBy(2)).pollInterval(Duration.ofSeconds(15)).until(() ->
                    tables().stream().allMatch(t -> {
                        Instant latest = pitr.status(target.tablePrefix() + t).latest();
                        return latest != null && latest.isAfter(lastAck);
                    }));
        } catch (ConditionTimeoutException notWithinTwiceTheObjective) {
            // measured below as what it is: longer than the objective
        }
        Duration lag = Duration.between(lastAck, Instant.now());
        return Figure.of("time until an acknowledged write is restorable by point-in-time recovery (bounds the in-region RPO)",
                        RecoveryFigures.seconds(lag), "s").atMost(objective.toSeconds())
                .when("newest of " + writes.size() + " writes acknowledged at " + lastAck + ", polled every 15 s");
    }

    /** Restores every table to the latest instant restorable for all of them, into new tables. */
    public void restoreToLatestRestorableInstant() {
        PointInTimeRecovery pitr = staging().pointInTimeRecovery().orElseThrow();
        Instant pointInTime = tables().stream().map(t -> pitr.status(target.tablePrefix() + t).latest())
                .min(java.util.Comparator.naturalOrder()).orElseThrow();
        String targetPrefix = target.tablePrefix() + "drill-pitr-" + Instant.now().getEpochSecond() + "-";
        tables().forEach(t -> restoredTablesToDelete.add(targetPrefix + t));
        restoredIn = staging().dynamoDb();
        restore = new TableRestore(staging(), tables()).toPointInTime(target.tablePrefix(), targetPrefix, pointInTime,
                objectives().production("in-region").rto().multipliedBy(4));
    }

    /** The time the point-in-time restore took, judged against the in-region RTO. */
    public Figure pointInTimeRestoreTime() {
        return restoreTime("in-region", "point-in-time restore of every table into new tables");
    }

    /** The acknowledged writes missing or different in the tables restored to that instant: judged to be none. */
    public CheckedFigures writesAfterPointInTimeRestore() {
        IntegrityReport report = IntegrityCheck.check("tables restored to " + restore.recoveryPoint(), writes,
                new TableReader(staging().dynamoDb(), restore.targetPrefix())::read);
        return new CheckedFigures(List.of(Figure.of("acknowledged writes missing or different after a point-in-time restore",
                report.notIntact().size(), "writes").equalTo(0.0)
                .when(report.checked() + " writes acknowledged before " + restore.recoveryPoint())), report.describe());
    }

    // ---- AWS Backup's copies in the disaster-recovery region -------------------------------------------------

    /** The tables without a completed recovery point in the primary region's vault: judged to be none. */
    public Figure tablesWithoutPrimaryRecoveryPoint() {
        CrossRegionBackups backups = staging().crossRegionBackups().orElseThrow();
        List<String> without = tables().stream().filter(t -> backups.primaryRecoveryPoints(staging().tableArn(target.tablePrefix() + t))
                .stream().noneMatch(CrossRegionBackups.RecoveryPoint::completed)).toList();
        return Figure.of("tables without a completed recovery point in the primary vault", without.size(), "tables").equalTo(0.0)
                .when("AWS Backup, tables " + tables() + (without.isEmpty() ? "" : "; without: " + without));
    }

    /** The age of the oldest of the tables' newest copies in the disaster-recovery region, judged against the region-loss RPO. */
    public Figure oldestNewestCopyAge() {
        CrossRegionBackups backups = staging().crossRegionBackups().orElseThrow();
        Duration oldest = Duration.ZERO;
        List<String> found = new ArrayList<>();
        for (String table : tables()) {
            CrossRegionBackups.RecoveryPoint newest = backups.disasterRecoveryCopies(target.tablePrefix() + table).stream()
                    .filter(CrossRegionBackups.RecoveryPoint::completed).findFirst().orElse(null);
            Duration age = newest == null ? Duration.ofDays(3650) : Duration.between(newest.createdAt(), Instant.now());
            oldest = age.compareTo(oldest) > 0 ? age : oldest;
            found.add(table + ": " + (newest == null ? "no copy" : newest.arn() + " of " + newest.createdAt()));
        }
        Duration objective = objectives().production("region-loss").rpo();
        return Figure.of("age of the oldest table's newest copy in the DR region", oldest.toMinutes(), "min").atMost(objective.toMinutes())
                .when("vault in " + backups.disasterRecoveryRegion() + ": " + String.join("; ", found));
    }

    /** Restores every table in the disaster-recovery region from its newest copy, into new tables. */
    public void restoreInDisasterRecoveryRegion() {
        String targetPrefix = target.tablePrefix() + "drill-dr-" + Instant.now().getEpochSecond() + "-";
        tables().forEach(t -> restoredTablesToDelete.add(targetPrefix + t));
        restoredIn = staging().crossRegionBackups().orElseThrow().disasterRecoveryDynamoDb();
        restore = new TableRestore(staging(), tables()).fromDisasterRecoveryCopies(target.tablePrefix(), targetPrefix,
                objectives().production("region-loss").rto());
    }

    /** The time the restore in the disaster-recovery region took, judged against the region-loss RTO. */
    public Figure disasterRecoveryRestoreTime() {
        return restoreTime("region-loss", "AWS Backup restore jobs in the DR region from the newest copies");
    }

    /** The tables restored in the disaster-recovery region that hold no item: judged to be none. */
    public Figure restoredTablesWithoutItems() {
        List<TableFingerprint> restored = restore.tables().stream().map(t -> TableFingerprint.of(restoredIn, t.table())).toList();
        long empty = restored.stream().filter(f -> f.itemCount() == 0).count();
        return Figure.of("tables restored in the DR region without items", empty, "tables").equalTo(0.0)
                .when(restored.stream().map(TableFingerprint::describe).collect(Collectors.joining("; ")));
    }

    // ---- both ------------------------------------------------------------------------------------------------

    private Figure restoreTime(String kind, String what) {
        Duration took = Duration.between(restore.requestedAt(), restore.activeAt());
        Duration objective = objectives().production(kind).rto();
        return Figure.of("time to restore every table, " + kind + " (part of the RTO)", RecoveryFigures.seconds(took), "s")
                .atMost(objective.toSeconds())
                .when(what + "; " + restore.describe().replace('\n', ' ') + "; re-pointing the service adds an ECS deployment");
    }

    public boolean restoredTables() {
        return !restoredTablesToDelete.isEmpty();
    }

    /** Deletes the tables the drill restored; returns those that could not be deleted, with why. */
    public List<String> deleteRestoredTables() {
        List<String> failed = new ArrayList<>();
        for (String table : List.copyOf(restoredTablesToDelete)) {
            try {
                restoredIn.deleteTable(r -> r.tableName(table));
            } catch (RuntimeException e) {
                failed.add(table + ": " + e.getMessage());
            }
            restoredTablesToDelete.remove(table);
        }
        return failed;
    }

    @Override
    public void close() {
        if (staging != null) {
            staging.close();
        }
    }
}
