package org.faithbot.verification.steps;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.assertj.core.api.Assertions;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.local.DrillSite;
import org.faithbot.verification.local.LocalMoto;
import org.faithbot.verification.recovery.BadRelease;
import org.faithbot.verification.recovery.CheckedFigures;
import org.faithbot.verification.recovery.Checkpoint;
import org.faithbot.verification.recovery.LocalRecoveryDriver;
import org.faithbot.verification.recovery.RecoveryDrill;
import org.faithbot.verification.recovery.RecoveryFigures;
import org.faithbot.verification.recovery.RecoveryObjectives;
import org.faithbot.verification.recovery.TableLoss;
import org.faithbot.verification.target.Targets;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Steps of the local recovery drills: moto snapshots, the recovery time and data lost measured against the local
 * drill's objectives, the integrity of the restored data ({@link RecoveryDrill}, its figures from
 * {@link RecoveryFigures}). The staging drills are {@link StagingRecoverySteps}.
 */
public class RecoverySteps {

    private final ScenarioContext context;
    private RecoveryObjectives objectives;
    private RecoveryDrill drill;
    private RecoveryFigures figures;
    private BadRelease badRelease;
    private Checkpoint afterDisaster;

    public RecoverySteps(ScenarioContext context) {
        this.context = context;
    }

    /** The local drills run on moto, DynamoDB's emulator: their figures are emulator evidence, never more than a rehearsal. */
    private EvidenceRecorder evidence() {
        return context.evidence().onEmulator("moto");
    }

    @Given("a recovery drill site: the service on its own local AWS with genuine DynamoDB backup snapshots")
    public void aRecoveryDrillSite() {
        context.run().local(); // the drill acts on local processes
        if (!LocalMoto.isInstalled()) {
            throw new TestAbortedException("moto_server is not installed (pip install 'moto[server]==5.2.1'): the recovery drill "
                    + "is SKIPPED, not passed");
        }
        DrillSite running = context.run().drillSite();
        drill = new RecoveryDrill(running, new LocalRecoveryDriver(running.moto().dynamoDb()), running.runDirectory().resolve("drill"));
    }

    @Given("{int} users chat with the service, each sending a message every {int} ms, while every acknowledged write is recorded")
    public void usersChat(int users, int paceMillis) {
        drill.startTraffic(users, Duration.ofMillis(paceMillis));
    }

    @Given("every table is backed up on the local drill's schedule, {int} times, while they chat")
    public void backedUpOnSchedule(int times) {
        List<Checkpoint> taken = drill.backUpEvery(objectives().localBackupInterval(), times);
        Assertions.assertThat(taken).as("backup checkpoints").hasSize(times);
        Assertions.assertThat(drill.ledger().writes()).as("writes acknowledged while the backups ran").isNotEmpty();
    }

    @When("disaster strikes {int} ms after the last backup: the messages table is deleted")
    public void messagesTableDeleted(int afterMillis) {
        drill.strike(new TableLoss("messages"), Duration.ofMillis(afterMillis));
    }

    @When("disaster strikes {int} ms after the last backup: a bad release overwrites every {int}rd message and deletes every {int}th, directly in the messages table")
    public void badReleaseCorrupts(int afterMillis, int overwriteEvery, int deleteEvery) {
        badRelease = new BadRelease(overwriteEvery, deleteEvery);
        drill.strike(badRelease, Duration.ofMillis(afterMillis));
        Assertions.assertThat(badRelease.overwritten() + badRelease.deleted()).as("messages the bad release corrupted").isPositive();
    }

    @When("a scheduled backup runs after the bad release and captures the corrupted data")
    public void backupAfterTheBadRelease() {
        afterDisaster = drill.checkpoint();
        Assertions.assertThat(afterDisaster.recoveryPoint()).isAfter(drill.disasterAt());
    }

    @When("every table is restored from its latest backup taken before the disaster into new tables")
    public void restoredFromLatestBackup() {
        drill.restore(Duration.ofSeconds(60));
    }

    @When("the service is re-pointed at the restored tables and serves again")
    public void repointed() {
        drill.repointAndAwaitServing(Duration.ofSeconds(180)); // longer than the goal: an overrun is measured, not cut off
    }

    @Then("the restore passed over the backup of the corrupted data")
    public void passedOverCorruptedBackup() {
        assertEach(evidence().record("recovery.corrupted-backup", figures().restoredFromAfterTheDisaster(afterDisaster)));
    }

    @Then("the recovery time is within the local drill's recovery time objective")
    public void recoveryTimeWithinObjective() {
        assertEach(record("recovery.rto", figures().recoveryTime()));
    }

    @Then("the data lost is within the local drill's recovery point objective")
    public void dataLostWithinObjective() {
        assertEach(record("recovery.rpo", figures().dataLoss()));
    }

    @Then("every write acknowledged before the recovery point is present and identical in the restored tables and in the service's export")
    public void everyOlderWriteIntact() {
        CheckedFigures intact = figures().olderWritesIntact();
        List<Evidence> records = record("recovery.integrity", intact.figures());
        Assertions.assertThat(records.stream().allMatch(Evidence::passed)).as(intact.report()).isTrue();
    }

    @Then("every restored table has the same item count and checksum as its source at the backup")
    public void countsAndChecksumsMatch() {
        CheckedFigures tables = figures().tablesMatchTheirSource();
        Evidence evidence = record("recovery.integrity", tables.figures()).getFirst();
        Assertions.assertThat(evidence.passed()).as("%s%n%s", evidence.describe(), tables.report()).isTrue();
    }

    @Then("the service accepts new writes on the restored tables")
    public void acceptsNewWrites() {
        CheckedFigures writes = figures().newWritesKept();
        Assertions.assertThat(record("recovery.new-writes", writes.figures()).getFirst().passed()).as(writes.report()).isTrue();
    }

    @Then("every backup of the drill succeeded")
    public void everyBackupSucceeded() {
        List<Evidence> success = evidence().record("recovery.backup-success", figures().backupSuccess());
        evidence().record("recovery.drill-duration", figures().drillDuration());
        assertEach(success);
    }

    @Then("every command of the runbook the drill ran succeeded")
    public void everyRunbookCommandSucceeded() {
        assertEach(evidence().record("recovery.runbook-commands", figures().runbookCommandsFailed()));
    }

    @After
    public void endDrill() {
        if (drill != null) {
            drill.close();
        }
    }

    /** docs/recovery-objectives.md, read when a step needs it (this class's hook runs for every scenario). */
    private RecoveryObjectives objectives() {
        if (objectives == null) {
            objectives = RecoveryObjectives.load(Targets.projectRoot());
        }
        return objectives;
    }

    private RecoveryFigures figures() {
        if (figures == null) {
            figures = new RecoveryFigures(drill, objectives());
        }
        return figures;
    }

    private List<Evidence> record(String key, List<Figure> figures) {
        List<Evidence> records = new ArrayList<>();
        figures.forEach(figure -> records.addAll(evidence().record(key, figure)));
        return records;
    }

    private void assertEach(List<Evidence> records) {
        records.forEach(r -> Assertions.assertThat(r.passed()).as(r.describe()).isTrue());
    }

    /** The drill of this scenario (the self-test tampers with it). */
    public RecoveryDrill drill() {
        return drill;
    }
}
