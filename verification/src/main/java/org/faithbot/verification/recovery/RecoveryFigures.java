package org.faithbot.verification.recovery;

import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.faithbot.verification.evidence.Figure;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures of a local recovery drill, one method for each Then-step of the recovery specs: the recovery time and the
 * data lost against the local drill's objectives, the integrity of the restored data, the backups. Local figures:
 * the production objectives are judged in staging.
 */
public final class RecoveryFigures {

    private final RecoveryDrill drill;
    private final RecoveryObjectives objectives;
    private IntegrityReport restoredTables;

    public RecoveryFigures(RecoveryDrill drill, RecoveryObjectives objectives) {
        this.drill = drill;
        this.objectives = objectives;
    }

    /** The tables restored from a backup taken after the disaster (a backup of the corrupted data): judged to be none. */
    public Figure restoredFromAfterTheDisaster(Checkpoint afterDisaster) {
        return restoredFromAfterTheDisaster(afterDisaster, drill.restoreReport(), drill.disasterAt(), drill.restoredCheckpoint());
    }

    static Figure restoredFromAfterTheDisaster(Checkpoint afterDisaster, RestoreReport restore, Instant disasterAt, Checkpoint restoredFrom) {
        Set<String> corrupted = afterDisaster.backups().stream().map(BackupRecord::backupArn).collect(Collectors.toSet());
        long used = restore.tables().stream().filter(t -> corrupted.contains(t.source())).count();
        return Figure.of("tables restored from a backup taken after the disaster", used, "tables").equalTo(0.0)
                .when("bad release at " + disasterAt + ", a backup of the corrupted data at " + afterDisaster.recoveryPoint()
                        + "; restored from checkpoint " + restoredFrom.number() + " of " + restoredFrom.recoveryPoint());
    }

    /** The time to restore and to re-point (reported), and the recovery time, judged against the local drill's RTO. */
    public List<Figure> recoveryTime() {
        return recoveryTime(drill.timeline(), drill.disaster(), drill.restoreReport().targetPrefix(), objectives,
                Runtime.getRuntime().availableProcessors());
    }

    static List<Figure> recoveryTime(RecoveryTimeline timeline, Disaster disaster, String restoredPrefix, RecoveryObjectives objectives, int cores) {
        String conditions = disaster.description() + "; moto snapshots restored into new tables "
                + restoredPrefix + "*, service re-pointed (a new JVM on the restored tables, "
                + cores + " cores); " + timeline.describe() + "; local figure: the production "
                + "objective (" + objectives.production(disaster.objectiveKind()).rto() + ") is judged in staging";
        return List.of(Figure.of("time to restore every table from its backup (local drill)", seconds(timeline.restoring()), "s").when(conditions),
                Figure.of("time from re-pointing to serving restored data (local drill)", seconds(timeline.repointing()), "s").when(conditions),
                Figure.of("recovery time actual (RTO), " + disaster.description() + " (local drill)", seconds(timeline.rto()), "s")
                        .atMost(objectives.localDrill().rto().toSeconds()).when(conditions));
    }

    /** The acknowledged writes lost (reported), and the recovery point, judged against the local drill's RPO. */
    public List<Figure> dataLoss() {
        return dataLoss(drill.dataLoss(restoredTables()), drill.disaster(), objectives);
    }

    static List<Figure> dataLoss(DataLossWindow loss, Disaster disaster, RecoveryObjectives objectives) {
        String conditions = loss.acknowledgedBeforeDisaster() + " writes acknowledged before the disaster (" + disaster.description()
                + " at " + loss.disasterAt() + "), " + loss.lost().size() + " lost; recovery point " + loss.recoveryPoint()
                + " (the restored backups), backups every " + objectives.localBackupInterval().toMillis() + " ms"
                + loss.oldestLost().map(w -> "; oldest lost write acknowledged at " + w.acknowledgedAt()).orElse("")
                + "; local figure: the production objective (" + objectives.production(disaster.objectiveKind()).rpo()
                + ") is judged in staging";
        return List.of(Figure.of("acknowledged writes lost (after the recovery point, local drill)", loss.lost().size(), "writes").when(conditions),
                Figure.of("recovery point actual (RPO), " + disaster.description() + " (local drill)", seconds(loss.rpo()), "s")
                        .atMost(objectives.localDrill().rpo().toSeconds()).when(conditions));
    }

    /**
     * The writes acknowledged before the recovery point that are missing, and those that differ, in the restored tables
     * or in the re-pointed service's export: each judged to be none.
     */
    public CheckedFigures olderWritesIntact() {
        Set<AcknowledgedWrite> older = drill.olderThanRecoveryPointSet();
        assertThat(older).as("writes acknowledged before the recovery point %s", drill.restoreReport().recoveryPoint()).isNotEmpty();
        IntegrityReport inTables = restoredTables().about(older);
        IntegrityReport inExport = drill.integrityInServiceExport();
        String conditions = older.size() + " writes acknowledged before the recovery point " + drill.restoreReport().recoveryPoint()
                + " (of " + drill.acknowledgedBeforeDisaster().size() + " before the disaster), by " + drill.service().tables().size()
                + " tables; each read directly from the restored tables (GetItem, Query) and through the re-pointed service's export";
        return new CheckedFigures(List.of(
                Figure.of("acknowledged writes older than the recovery point missing after the restore", union(inTables.missing(), inExport.missing()),
                        "writes").equalTo(0.0).when(conditions),
                Figure.of("acknowledged writes older than the recovery point different after the restore",
                        union(inTables.different(), inExport.different()), "writes").equalTo(0.0).when(conditions)),
                String.format("acknowledged writes older than the recovery point are not intact:%n%s%n%s", inTables.describe(), inExport.describe()));
    }

    /** The restored tables whose item count or checksum differs from their source's at the backup: judged to be none. */
    public CheckedFigures tablesMatchTheirSource() {
        TableVerification.Report report = drill.tableVerification();
        Checkpoint source = drill.restoredCheckpoint();
        String conditions = "restored " + report.actual().values().stream().map(TableFingerprint::describe).collect(Collectors.joining("; "))
                + " | source at backup " + source.number() + " (" + source.recoveryPoint() + "): "
                + source.fingerprints().values().stream().map(TableFingerprint::describe).collect(Collectors.joining("; "))
                + " | checked with bin/dr verify --expect right after the restore, before the service was re-pointed";
        return new CheckedFigures(List.of(Figure.of("restored tables whose item count or checksum differs from the source's at backup",
                report.mismatches().size(), "tables").equalTo(0.0).when(conditions)), report.describe());
    }

    /** The writes acknowledged by the re-pointed service but missing from the restored tables: judged to be none. */
    public CheckedFigures newWritesKept() {
        IntegrityReport after = drill.writeAfterRecovery();
        return new CheckedFigures(List.of(Figure.of("writes acknowledged after the recovery but missing from the restored tables",
                after.notIntact().size(), "writes").equalTo(0.0).when(after.checked() + " writes, one a user, on the re-pointed service")),
                after.describe());
    }

    /** The share of the drill's backups that succeeded, judged to be all of them. */
    public Figure backupSuccess() {
        return backupSuccess(drill.checkpoints(), drill.service().tables().size());
    }

    static Figure backupSuccess(List<Checkpoint> checkpoints, int tables) {
        long backups = (long) checkpoints.size() * tables; // one backup a table at each checkpoint
        long succeeded = checkpoints.stream().flatMap(c -> c.backups().stream()).filter(BackupRecord::available).count();
        List<String> failures = checkpoints.stream().flatMap(c -> c.failures().stream()).toList();
        double rate = backups == 0 ? 0 : 100.0 * succeeded / backups;
        return Figure.of("backup success rate (local drill)", rate, "%").atLeast(100.0)
                .when(succeeded + " of " + backups + " on-demand backups (CreateBackup on moto) AVAILABLE, " + checkpoints.size()
                        + " checkpoints" + (failures.isEmpty() ? "" : "; failures: " + failures));
    }

    /** The runbook commands the drill ran that failed: judged to be none. */
    public Figure runbookCommandsFailed() {
        return Figure.of("runbook commands the drill ran that failed", drill.runbookCommandsFailed(), "commands").equalTo(0.0)
                .when("the drill ran, as docs/runbooks/restore.md does: " + String.join(" | ", drill.runbookCommands()));
    }

    /** How long the whole drill took so far (reported). */
    public Figure drillDuration() {
        return Figure.of("recovery drill duration (local)", seconds(drill.elapsed()), "s")
                .when(drill.ledger().writes().size() + " acknowledged writes, " + drill.ledger().refusedCount() + " refused, "
                        + drill.checkpoints().size() + " backup checkpoints, " + drill.disaster().description());
    }

    /** Every write acknowledged before the disaster, checked in the restored tables once for the steps that need it. */
    private IntegrityReport restoredTables() {
        if (restoredTables == null) {
            restoredTables = drill.integrityInRestoredTables();
        }
        return restoredTables;
    }

    static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    static int union(Set<AcknowledgedWrite> a, Set<AcknowledgedWrite> b) {
        Set<AcknowledgedWrite> all = new LinkedHashSet<>(a);
        all.addAll(b);
        return all.size();
    }
}
