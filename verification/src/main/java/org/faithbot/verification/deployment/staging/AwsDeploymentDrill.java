package org.faithbot.verification.deployment.staging;

import org.faithbot.verification.deployment.DrillFigure;
import org.faithbot.verification.deployment.DrillTraffic;
import org.faithbot.verification.deployment.Release;
import org.faithbot.verification.deployment.Strategy;
import org.faithbot.verification.evidence.Figure;

import java.time.Duration;
import java.time.Instant;
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
    private AwsDeployments aws;
    private AwsDeploymentOutcome outcome;
    private Instant drillFrom;
    private Instant drillTo;

    public AwsDeploymentDrill(DrillTraffic traffic) {
        this.traffic = traffic;
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
        return outcome;
    }

    public AwsDeploymentOutcome outcome() {
        return outcome;
    }

    public List<DrillFigure> completed() {
        return List.of(DrillFigure.of(DrillFigure.STAGING_SUCCESS_RATE, Figure.of("deployments of a good release that completed", 100, "%")
                .greaterThan(99.0).when("1 of 1: " + outcome.describe())));
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

    /** The rollback's time against {@code minutes}, its success, and that no human was needed. */
    public List<DrillFigure> rollback(int minutes) {
        String conditions = "detected by " + outcome.detectedBy() + " (" + outcome.reason() + "); rollback complete when AWS reported the "
                + "previous release serving and stable; " + outcome.describe();
        return List.of(
                DrillFigure.of(DrillFigure.ROLLBACK_TIME, Figure.of("rollback time (target 5 minutes)", outcome.rollbackTime().toMillis(), "ms")
                        .lessThan(minutes * 60_000.0).when(conditions)),
                DrillFigure.of(DrillFigure.ROLLBACK_SUCCESS, Figure.of("rollbacks that restored the previous release", 100, "%").atLeast(100.0)
                        .when(conditions)),
                DrillFigure.of(DrillFigure.STAGING_STOPPED_AUTOMATICALLY, Figure.of("bad release stopped and rolled back without a human", 1, "")
                        .equalTo(1.0).when(conditions)));
    }

    public List<DrillFigure> badReleaseFailures() {
        return List.of(DrillFigure.of(DrillFigure.BAD_RELEASE_FAILED_REQUESTS_PROBE, Figure.of("failed requests the bad release caused (probe's count)",
                traffic.timeline().failures(drillFrom, drillTo), "requests").when(traffic.timeline().count(drillFrom, drillTo)
                + " probe requests during the drill; " + outcome.describe())));
    }
}
