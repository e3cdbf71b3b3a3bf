package org.faithbot.verification.steps;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.assertj.core.api.Assertions;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.recovery.CheckedFigures;
import org.faithbot.verification.recovery.StagingRecoveryDrill;
import org.faithbot.verification.target.Targets;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Steps of the staging recovery drills ({@link StagingRecoveryDrill}): point-in-time recovery, and AWS Backup's copies
 * restored in the disaster-recovery region, each against the production objectives.
 */
public class StagingRecoverySteps {

    private final ScenarioContext context;
    private StagingRecoveryDrill drill;

    public StagingRecoverySteps(ScenarioContext context) {
        this.context = context;
    }

    private StagingRecoveryDrill drill() {
        if (drill == null) {
            drill = new StagingRecoveryDrill(context.target(), Targets.projectRoot());
        }
        return drill;
    }

    @Given("point-in-time recovery is enabled on every table of the service, with at least {int} days to restore from")
    public void pitrEnabled(int days) {
        List<Evidence> records = new ArrayList<>();
        drill().pointInTimeRecovery(days).forEach(figure -> records.addAll(context.evidence().record("recovery.pitr", figure)));
        Assertions.assertThat(records.stream().allMatch(Evidence::passed))
                .as(records.stream().map(Evidence::describe).collect(Collectors.joining(System.lineSeparator()))).isTrue();
    }

    @Given("a new user {string} writes {int} chat messages through the service, each acknowledgement recorded")
    public void userWrites(String name, int count) {
        TestUser user = TestUser.fresh(name);
        context.user(user);
        drill().writes(user, count);
    }

    @When("her writes become restorable, within the in-region recovery point objective")
    public void writesBecomeRestorable() {
        assertEach(context.evidence().record("recovery.rpo", drill().awaitWritesRestorable()));
    }

    @When("every table is restored to the latest restorable instant into new tables")
    public void restoredToLatestRestorableInstant() {
        drill().restoreToLatestRestorableInstant();
    }

    @Then("the restore took no longer than the in-region recovery time objective")
    public void pitrRestoreWithinObjective() {
        assertEach(context.evidence().record("recovery.rto", drill().pointInTimeRestoreTime()));
    }

    @Then("her writes are present and identical in the tables restored to that instant")
    public void writesPresentAfterPitr() {
        CheckedFigures writes = drill().writesAfterPointInTimeRestore();
        Evidence evidence = context.evidence().record("recovery.pitr", writes.figures().getFirst()).getFirst();
        Assertions.assertThat(evidence.passed()).as(writes.report()).isTrue();
    }

    @Given("every table of the service has a completed recovery point in the primary region's backup vault")
    public void completedRecoveryPointInPrimaryVault() {
        assertEach(context.evidence().record("recovery.dr-region", drill().tablesWithoutPrimaryRecoveryPoint()));
    }

    @Given("the newest copy of each table in the disaster-recovery region's vault is no older than the region-loss recovery point objective")
    public void newestCopyFreshEnough() {
        assertEach(context.evidence().record("recovery.dr-region", drill().oldestNewestCopyAge()));
    }

    @When("every table is restored in the disaster-recovery region from its newest copy")
    public void restoredInDrRegion() {
        drill().restoreInDisasterRecoveryRegion();
    }

    @Then("the restore took no longer than the region-loss recovery time objective")
    public void drRestoreWithinObjective() {
        assertEach(context.evidence().record("recovery.rto", drill().disasterRecoveryRestoreTime()));
    }

    @Then("every table restored in the disaster-recovery region is active and holds the backed-up items")
    public void drTablesHoldItems() {
        assertEach(context.evidence().record("recovery.dr-region", drill().restoredTablesWithoutItems()));
    }

    @Then("the drill's restored tables are deleted")
    public void deleteRestoredTables() {
        Assertions.assertThat(drill().deleteRestoredTables()).as("restored tables that could not be deleted").isEmpty();
    }

    @After
    public void endDrill() {
        if (drill != null) {
            if (drill.restoredTables()) {
                deleteRestoredTables();
            }
            drill.close();
        }
    }

    private void assertEach(List<Evidence> records) {
        records.forEach(r -> Assertions.assertThat(r.passed()).as(r.describe()).isTrue());
    }
}
