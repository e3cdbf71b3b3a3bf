package org.faithbot.verification.deployment;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.EvidenceLog;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.evidence.Figure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The drills' rates are counted over the deployments that ran, from their outcomes: a good release that completed, a
 * bad release stopped and rolled back, a rollback that restored the previous release; a deployment that went wrong
 * lowers its rate, so the record is not met and the step that asserts it fails.
 */
class DeploymentTallyTest {

    private final SimulatedSite site = new SimulatedSite(List.of("s1", "s2"), 4)
            .release("2.0", 0, 100)
            .release("2.0-bad", 0.3, 100);
    private final DeploymentController controller = new DeploymentController(site, site, site, DeploymentControllerTest.smokeOf(site),
            SimulatedSite.fastSettings());
    private final DeploymentTally tally = new DeploymentTally();

    @Test
    void theRatesAreCountedFromTheOutcomesOfTheDeploymentsThatRan() {
        tally.add(DeploymentTally.Deployment.of(controller.deploy(DeploymentPlan.of(Strategy.CANARY, Release.failingChats("2.0-bad", 0.3),
                List.of("c1")))));
        tally.add(DeploymentTally.Deployment.of(controller.deploy(DeploymentPlan.of(Strategy.CANARY, Release.good("2.0"), List.of("c2")))));

        assertThat(tally.goodReleasesCompleted()).satisfies(c -> {
            assertThat(c.counted()).isEqualTo(1);
            assertThat(c.of()).isEqualTo(1);
            assertThat(c.over()).isEqualTo("canary 2.0 (completed)");
        });
        assertThat(tally.badReleasesStoppedAndRolledBack()).satisfies(c -> {
            assertThat(c.counted()).isEqualTo(1);
            assertThat(c.of()).isEqualTo(1);
            assertThat(c.over()).startsWith("canary 2.0-bad (stopped by the canary 10 % gate (").endsWith(", previous release restored)");
        });
        assertThat(tally.rollbacksRestored().describe("rollbacks restored the previous release"))
                .startsWith("1 of 1 rollbacks restored the previous release: canary 2.0-bad");
        Figure rate = tally.goodReleasesCompleted().rate("good-release deployments that completed in this run", "completed").greaterThan(99.0);
        assertThat(rate.value()).isEqualTo(100.0);
        assertThat(rate.conditions()).isEqualTo("1 of 1 completed: canary 2.0 (completed)");
    }

    @Test
    void aGoodReleaseThatDidNotCompleteIsRecordedNotMetAndFailsTheStepThatAssertsIt() {
        tally.add(new DeploymentTally.Deployment("blue-green", "2.1.0", true, true, null, false, false));
        tally.add(new DeploymentTally.Deployment("rolling", "2.5.0", true, false, "the rolling s1 gate (error rate 4 %)", true, true));
        EvidenceLog log = new EvidenceLog();
        EvidenceRecorder recorder = new EvidenceRecorder(log, CriteriaCatalogue.load().figures(), List.of("NFR-AVAIL-4"), "local", "a drill");

        List<Evidence> recorded = recorder.record(DrillFigure.SUCCESS_RATE, tally.goodReleasesCompleted()
                .rate("good-release deployments that completed in this run", "good-release deployments completed in this run").greaterThan(99.0));

        assertThat(log.records()).singleElement().satisfies(e -> {
            assertThat(e.passed()).isFalse();
            assertThat(e.value()).isEqualTo(50.0);
            assertThat(e.conditions()).startsWith("1 of 2 good-release deployments completed in this run: blue-green 2.1.0 (completed), "
                    + "rolling 2.5.0 (stopped by the rolling s1 gate (error rate 4 %), previous release restored)");
        });
        assertThatThrownBy(() -> EvidenceRecorder.requireMet(recorded)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("good-release deployments that completed in this run = 50");
    }

    @Test
    void aRollbackThatDidNotRestoreThePreviousReleaseCountsAgainstBothRates() {
        tally.add(new DeploymentTally.Deployment("canary", "2.2.0-bad", false, false, "the canary 10 % gate (error rate 30 %)", true, true));
        tally.add(new DeploymentTally.Deployment("rolling", "2.3.0-bad", false, false, "the rolling r1 gate (error rate 30 %)", true, false));
        tally.add(new DeploymentTally.Deployment("blue-green", "2.4.0-bad", false, true, null, false, false));

        assertThat(tally.rollbacksRestored()).extracting(DeploymentTally.Count::counted, DeploymentTally.Count::of).containsExactly(1L, 2L);
        assertThat(tally.badReleasesStoppedAndRolledBack()).extracting(DeploymentTally.Count::counted, DeploymentTally.Count::of)
                .containsExactly(1L, 3L);
        assertThat(tally.goodReleasesCompleted().any()).isFalse();
    }
}
