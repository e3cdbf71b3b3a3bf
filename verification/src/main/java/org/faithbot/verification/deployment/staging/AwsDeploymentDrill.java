package org.faithbot.verification.deployment.staging;

import org.faithbot.verification.deployment.DeploymentTally;
import org.faithbot.verification.deployment.DrillFigure;
import org.faithbot.verification.deployment.DrillTraffic;
import org.faithbot.verification.deployment.Release;
import org.faithbot.verification.deployment.Strategy;
import org.faithbot.verification.evidence.Figure;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One deployment drill on staging (one scenario): a release deployed through CodeDeploy (blue-green, canary) or
 * ECS (rolling, with the deployment circuit breaker) under the drill's traffic, the probe's live gate watching it;
 * and the figures its outcome is judged on, with their conditions in words.
 */
public final class AwsDeploymentDrill {

    /** The probe's traffic before the deployment starts. */
    private static final Duration BEFORE = Duration.ofSeconds(10);

    private final DrillTraffic traffic;
    private final DeploymentTally tally;
    private AwsDeployments aws;
    private AwsDeploymentOutcome outcome;
    private Instant drillFrom;
    private Instant drillTo;

    /** @param tally the run's deployments, which this drill's deployment joins as it ends */
    public AwsDeploymentDrill(DrillTraffic traffic, DeploymentTally tally) {
        this.traffic = traffic;
        this.tally = tally;
    }

    private AwsDeployments aws() {
        if (aws == null) {
            aws = AwsDeployments.fromConfiguration();
        }
        return aws;
    }

    /** Whether staging has an ECS service on the ECS deployment controller, for the rolling drill. */
    public boolean hasRollingService() {
        return aws().settings().hasRollingService();
    }

    /** Deploys the release by {@code strategy} through AWS, stopped by the probe's live gate when its error rate rises. */
    public AwsDeploymentOutcome deploy(Strategy strategy, Release release) {
        AwsDeployments deployments = aws();
        ProbeLiveGate gate = new ProbeLiveGate(traffic::timeline);
        traffic.runFor(BEFORE);
        drillFrom = Instant.now();
        outcome = strategy == Strategy.ROLLING ? deployments.rolling(release, gate) : deployments.codeDeploy(strategy, release, gate);
        drillTo = Instant.now();
        tally.add(outcome.tallied());
        return outcome;
    }

    public AwsDeploymentOutcome outcome() {
        return outcome;
    }

    /** The rate of the run's good-release deployments on AWS that completed, this one counted. */
    public List<DrillFigure> completed() {
        return List.of(DrillFigure.of(DrillFigure.STAGING_SUCCESS_RATE, tally.goodReleasesCompleted().rate("good-release deployments on AWS "
                + "that completed in this run", "good-release deployments through AWS completed in this run").greaterThan(99.0)));
    }

    public List<DrillFigure> failedRequests() {
        return List.of(DrillFigure.of(DrillFigure.STAGING_FAILED_REQUESTS, Figure.of("failed requests during the deployment (probe's count)",
                traffic.timeline().failures(drillFrom, drillTo), "requests").equalTo(0.0).when(traffic.timeline().count(drillFrom, drillTo)
                + " probe requests; " + outcome.describe() + "; " + traffic.loadConditions())));
    }

    public List<DrillFigure> deploymentTime(int minutes) {
        return List.of(DrillFigure.of(DrillFigure.TIME, Figure.of("deployment time of a standard update", outcome.deploymentTime().toMillis(), "ms")
                .lessThan(minutes * 60_000.0).when(outcome.describe())));
    }

    /**
     * The time from the deployment's start to the detection and the rollback's time against {@code minutes} (none when
     * there was nothing to time), the rate of the run's rollbacks on AWS that restored the previous release and the rate
     * of its bad releases stopped and rolled back without a human, each counted over the deployments that ran.
     */
    public List<DrillFigure> rollback(int minutes) {
        String conditions = "detected by " + outcome.detectedBy() + " (" + outcome.reason() + "); rollback complete when AWS reported the "
                + "previous release serving and stable; " + outcome.describe();
        List<DrillFigure> figures = new ArrayList<>();
        if (outcome.detectedAt() != null) {
            figures.add(DrillFigure.of(DrillFigure.STAGING_STOPPED_AUTOMATICALLY, Figure.of("time from the deployment's start to the detection "
                    + "by " + outcome.detectedBy(), Duration.between(outcome.startedAt(), outcome.detectedAt()).toMillis(), "ms").when(conditions)));
        }
        if (outcome.rollbackTime() != null) {
            figures.add(DrillFigure.of(DrillFigure.ROLLBACK_TIME, Figure.of("rollback time (requirement: < 5 min)", outcome.rollbackTime().toMillis(),
                    "ms").lessThan(minutes * 60_000.0).when(conditions)));
        }
        figures.add(DrillFigure.of(DrillFigure.ROLLBACK_SUCCESS, tally.rollbacksRestored().rate("rollbacks on AWS in this run that restored "
                + "the previous release", "rollbacks AWS reported done with the previous release serving and stable").atLeast(100.0)));
        figures.add(DrillFigure.of(DrillFigure.STAGING_STOPPED_AUTOMATICALLY, tally.badReleasesStoppedAndRolledBack().rate("bad releases on "
                + "AWS in this run stopped and rolled back without a human", "bad-release deployments stopped by the circuit breaker, "
                + "CodeDeploy or the harness's live gate and rolled back by AWS, no human step").atLeast(100.0)));
        return figures;
    }

    public List<DrillFigure> badReleaseFailures() {
        return List.of(DrillFigure.of(DrillFigure.BAD_RELEASE_FAILED_REQUESTS_PROBE, Figure.of("failed requests the bad release caused (probe's count)",
                traffic.timeline().failures(drillFrom, drillTo), "requests").when(traffic.timeline().count(drillFrom, drillTo)
                + " probe requests during the drill; " + outcome.describe())));
    }
}
