package org.faithbot.verification.steps;

import io.cucumber.java.en.Then;
import org.assertj.core.api.WithAssertions;
import org.faithbot.verification.deployment.DeploymentDrill;
import org.faithbot.verification.deployment.DeploymentOutcome;
import org.faithbot.verification.deployment.ServerState;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.EvidenceRecorder;

import java.util.List;

/**
 * Steps of the outcomes of a bad release on the local target: stopped by a gate, rolled back automatically, the
 * failed requests it caused counted (the drill is {@link DeploymentDrill}'s, deployed by {@link DeploymentSteps}).
 */
public class DeploymentRollbackSteps implements WithAssertions {

    private final DeploymentDrillContext drills;

    public DeploymentRollbackSteps(DeploymentDrillContext drills) {
        this.drills = drills;
    }

    private DeploymentDrill drill() {
        return drills.local();
    }

    @Then("the {string} gate stopped the release on its error rate")
    public void gateStoppedOnErrorRate(String gate) {
        gateStopped(gate, "error rate");
    }

    @Then("the {string} gate stopped the release on its readiness")
    public void gateStoppedOnReadiness(String gate) {
        gateStopped(gate, "readiness");
    }

    private void gateStopped(String gate, String on) {
        DeploymentOutcome outcome = drill().outcome();
        List<Evidence> evidence = drills.record(drill().stoppedByGate());
        assertThat(outcome.completed()).as("the bad release completed:\n%s", outcome.describe()).isFalse();
        assertThat(outcome.failedGate()).as("the gate that stopped it").isNotNull();
        assertThat(outcome.failedGate().gate()).as(outcome.describe()).startsWith(gate);
        assertThat(outcome.failedGate().gate() + " " + outcome.failedGate().reason()).as(outcome.describe()).contains(on);
        EvidenceRecorder.requireMet(evidence);
    }

    @Then("it was rolled back automatically: all traffic back on the previous release within {int} seconds of the detection")
    public void rolledBackAutomatically(int seconds) {
        DeploymentOutcome outcome = drill().outcome();
        List<Evidence> evidence = drills.record(drill().rollback(seconds));
        assertThat(outcome.rolledBack()).as(outcome.describe()).isTrue();
        for (String server : outcome.oldServers()) {
            ServerState was = outcome.before().get(server);
            ServerState now = outcome.after().get(server);
            assertThat(now.adminState() + " weight " + now.weight()).as("server %s of the previous release after the rollback", server)
                    .isEqualTo(was.adminState() + " weight " + was.weight());
        }
        EvidenceRecorder.requireMet(evidence);
    }

    @Then("the failed requests the bad release caused are counted, and every one was answered by the bad release's servers")
    public void failedRequestsCounted() {
        EvidenceRecorder.requireMet(drills.record(drill().badReleaseFailures()));
    }

    @Then("the bad release never took any traffic")
    public void neverTookTraffic() {
        assertThat(drill().outcome().trafficAt()).as("when the bad release first had a share of the traffic").isNull();
        EvidenceRecorder.requireMet(drills.record(drill().trafficToTheBadRelease()));
    }
}
