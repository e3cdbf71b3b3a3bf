package org.faithbot.verification.recovery;

import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.faithbot.verification.evidence.Comparator;
import org.faithbot.verification.evidence.Figure;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The local drill's figures, from what the drill measured: its timeline, its data loss window, its checkpoints. */
class RecoveryFiguresTest {

    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
    private static final RecoveryObjectives OBJECTIVES = new RecoveryObjectives(
            Map.of("in-region", new RecoveryObjectives.Objective(Duration.ofMinutes(15), Duration.ofMinutes(5))),
            new RecoveryObjectives.Objective(Duration.ofSeconds(120), Duration.ofSeconds(5)), Duration.ofMillis(1500));
    private static final Disaster MESSAGES_LOST = new TableLoss("messages");

    private static AcknowledgedWrite write(String id, Instant acknowledgedAt) {
        return new AcknowledgedWrite("user-" + id, "c", id, "text", "reply", "topic", "John 3:16", acknowledgedAt.toString(), acknowledgedAt);
    }

    private static Checkpoint checkpoint(int number, Instant at, String... statuses) {
        List<BackupRecord> backups = new java.util.ArrayList<>();
        for (int i = 0; i < statuses.length; i++) {
            backups.add(new BackupRecord("t" + i, "arn:backup/" + number + "-" + i, "b", at.plusMillis(i), statuses[i]));
        }
        return new Checkpoint(number, at, at, backups, Map.of(), List.of());
    }

    @Test
    void theRecoveryTimeIsJudgedAgainstTheLocalDrillsObjectiveAndItsPartsReported() {
        RecoveryTimeline timeline = new RecoveryTimeline(T0, T0.plusMillis(500), T0.plusMillis(4_750), T0.plusSeconds(5), T0.plusSeconds(30),
                T0.plusMillis(31_234));
        List<Figure> figures = RecoveryFigures.recoveryTime(timeline, MESSAGES_LOST, "drill-1-", OBJECTIVES, 2);
        assertThat(figures).extracting(Figure::metric).containsExactly("time to restore every table from its backup (local drill)",
                "time from re-pointing to serving restored data (local drill)", "recovery time actual (RTO), the messages table deleted (local drill)");
        assertThat(figures).extracting(Figure::value).containsExactly(4.25, 26.234, 31.234);
        assertThat(figures.subList(0, 2)).noneMatch(Figure::judged);
        assertThat(figures.getLast().comparator()).isEqualTo(Comparator.AT_MOST);
        assertThat(figures.getLast().threshold()).isEqualTo(120.0);
        assertThat(figures.getLast().conditions()).startsWith("the messages table deleted; moto snapshots restored into new tables drill-1-*,"
                + " service re-pointed (a new JVM on the restored tables, 2 cores); disaster -> restore requested 0.5 s")
                .endsWith("; local figure: the production objective (PT15M) is judged in staging");
    }

    @Test
    void theDataLostIsJudgedFromTheOldestLostWrite() {
        AcknowledgedWrite lost = write("m2", T0.minusMillis(1_800));
        DataLossWindow loss = DataLossWindow.of(T0, T0.minusSeconds(2), List.of(write("m1", T0.minusSeconds(3)), lost, write("m3", T0.minusSeconds(1))),
                Set.of(lost, write("m3", T0.minusSeconds(1))));
        List<Figure> figures = RecoveryFigures.dataLoss(loss, MESSAGES_LOST, OBJECTIVES);
        assertThat(figures).extracting(Figure::value).containsExactly(2.0, 1.8);
        assertThat(figures.getLast().metric()).isEqualTo("recovery point actual (RPO), the messages table deleted (local drill)");
        assertThat(figures.getLast().threshold()).isEqualTo(5.0);
        assertThat(figures.getLast().conditions()).isEqualTo("3 writes acknowledged before the disaster (the messages table deleted at " + T0
                + "), 2 lost; recovery point " + T0.minusSeconds(2) + " (the restored backups), backups every 1500 ms; oldest lost write acknowledged at "
                + T0.minusMillis(1_800) + "; local figure: the production objective (PT5M) is judged in staging");
    }

    @Test
    void theBackupSuccessRateCountsOneBackupATableAtEachCheckpoint() {
        Figure all = RecoveryFigures.backupSuccess(List.of(checkpoint(1, T0, "AVAILABLE", "AVAILABLE"), checkpoint(2, T0, "AVAILABLE", "AVAILABLE")), 2);
        assertThat(all.value()).isEqualTo(100.0);
        assertThat(all.met()).isTrue();
        assertThat(all.conditions()).isEqualTo("4 of 4 on-demand backups (CreateBackup on moto) AVAILABLE, 2 checkpoints");
        Figure one = RecoveryFigures.backupSuccess(List.of(checkpoint(1, T0, "AVAILABLE", "CREATING")), 2);
        assertThat(one.value()).isEqualTo(50.0);
        assertThat(one.comparator()).isEqualTo(Comparator.AT_LEAST);
        assertThat(one.met()).isFalse();
        assertThat(RecoveryFigures.backupSuccess(List.of(), 2).value()).as("no backup at all").isEqualTo(0.0);
    }

    @Test
    void aRestoreFromTheBackupOfTheCorruptedDataIsCounted() {
        Checkpoint before = checkpoint(2, T0.minusSeconds(2), "AVAILABLE");
        Checkpoint after = checkpoint(3, T0.plusSeconds(1), "AVAILABLE");
        RestoreReport fromBefore = new RestoreReport("backup", "live-", "drill-", List.of(
                new RestoredTable("drill-t0", "arn:backup/2-0", T0.minusSeconds(2), T0, T0.plusSeconds(3))));
        Figure passedOver = RecoveryFigures.restoredFromAfterTheDisaster(after, fromBefore, T0, before);
        assertThat(passedOver.value()).isEqualTo(0.0);
        assertThat(passedOver.met()).isTrue();
        assertThat(passedOver.conditions()).isEqualTo("bad release at " + T0 + ", a backup of the corrupted data at " + T0.plusSeconds(1)
                + "; restored from checkpoint 2 of " + T0.minusSeconds(2));
        RestoreReport fromAfter = new RestoreReport("backup", "live-", "drill-", List.of(
                new RestoredTable("drill-t0", "arn:backup/3-0", T0.plusSeconds(1), T0, T0.plusSeconds(3))));
        assertThat(RecoveryFigures.restoredFromAfterTheDisaster(after, fromAfter, T0, after).met()).isFalse();
    }

    @Test
    void aWriteMissingInTheTablesAndInTheExportCountsOnce() {
        AcknowledgedWrite a = write("a", T0);
        AcknowledgedWrite b = write("b", T0);
        assertThat(RecoveryFigures.union(Set.of(a), Set.of(a, b))).isEqualTo(2);
    }

    @Test
    void secondsKeepTheMilliseconds() {
        assertThat(RecoveryFigures.seconds(Duration.ofMillis(1_234_567))).isEqualTo(1234.567);
    }
}
