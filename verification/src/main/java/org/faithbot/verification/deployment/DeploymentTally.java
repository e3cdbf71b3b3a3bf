package org.faithbot.verification.deployment;

import org.faithbot.verification.evidence.Figure;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The deployments the drills ran in this run, each with its actual outcome, added as each one ends (one tally a run,
 * held by VerificationRun, on the local target and on staging alike). The rates the drills record are counted over
 * it: how many good releases completed, how many bad releases a gate stopped and the controller rolled back, how many
 * rollbacks restored the previous release; never typed after an assertion passed.
 */
public final class DeploymentTally {

    /**
     * One deployment a drill ran, as it ended.
     *
     * @param goodRelease       the release was built to work (no fault switched on)
     * @param stoppedBy         the gate (or the AWS mechanism) that stopped it, with its reason; null when none did
     * @param rollbackAttempted a gate stopped it and the rollback was started
     * @param restored          the rollback put the previous release back as it was (servers, states, weights)
     */
    public record Deployment(String strategy, String release, boolean goodRelease, boolean completed, String stoppedBy,
                             boolean rollbackAttempted, boolean restored) {

        /** A local deployment by the harness's controller, as its outcome says. */
        public static Deployment of(DeploymentOutcome outcome) {
            GateVerdict gate = outcome.failedGate();
            return new Deployment(outcome.plan().strategy().label(), outcome.plan().release().label(), !outcome.plan().release().faulty(),
                    outcome.completed(), gate == null ? null : "the " + gate.gate() + " gate (" + gate.reason() + ")", outcome.detectedAt() != null, outcome.previousReleaseRestored());
        }

        String describe() {
            String result = completed ? "completed" : stoppedBy == null ? "did not complete"
                    : "stopped by " + stoppedBy + (rollbackAttempted ? restored ? ", previous release restored" : ", previous release NOT restored" : "");
            return strategy + " " + release + " (" + result + ")";
        }
    }

    /** {@code counted} of {@code of} deployments, and the deployments it was counted over in words. */
    public record Count(long counted, long of, String over) {

        public double percent() {
            return of == 0 ? Double.NaN : 100.0 * counted / of;
        }

        public boolean any() {
            return of > 0;
        }

        /** "k of n {what}: rolling 2.5.0 (completed), ..." */
        public String describe(String what) {
            return counted + " of " + of + " " + what + ": " + over;
        }

        /** The count as a rate in %, not judged yet, its count and the deployments it was counted over in its conditions. */
        public Figure rate(String metric, String what) {
            return Figure.of(metric, percent(), "%").rounded().when(describe(what));
        }
    }

    private final List<Deployment> deployments = new ArrayList<>();

    public synchronized void add(Deployment deployment) {
        deployments.add(deployment);
    }

    public synchronized List<Deployment> deployments() {
        return List.copyOf(deployments);
    }

    /** Of the deployments of a good release, those that completed. */
    public synchronized Count goodReleasesCompleted() {
        return count(Deployment::goodRelease, Deployment::completed);
    }

    /** Of the deployments of a bad release, those a gate stopped and the controller rolled back, restoring the previous release. */
    public synchronized Count badReleasesStoppedAndRolledBack() {
        return count(d -> !d.goodRelease(), d -> !d.completed() && d.stoppedBy() != null && d.restored());
    }

    /** Of the rollbacks started (a gate stopped a deployment), those that restored the previous release. */
    public synchronized Count rollbacksRestored() {
        return count(Deployment::rollbackAttempted, Deployment::restored);
    }

    private Count count(Predicate<Deployment> over, Predicate<Deployment> counted) {
        List<Deployment> of = deployments.stream().filter(over).toList();
        return new Count(of.stream().filter(counted).count(), of.size(), of.stream().map(Deployment::describe).collect(Collectors.joining(", ")));
    }
}
