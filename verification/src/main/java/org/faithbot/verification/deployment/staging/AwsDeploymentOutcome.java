package org.faithbot.verification.deployment.staging;

import org.faithbot.verification.deployment.DeploymentTally;
import org.faithbot.verification.deployment.Release;
import org.faithbot.verification.deployment.Strategy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What a deployment on AWS did: ECS (rolling, with the deployment circuit breaker) or CodeDeploy
 * (blue-green, canary). A bad release is detected by AWS (the circuit breaker; CodeDeploy's own
 * failure or alarm) or by the harness's gate on live traffic (which then stops the deployment and
 * asks for the rollback); the rollback is complete when AWS reports the previous release stable again.
 *
 * @param deploymentId      the ECS deployment id or the CodeDeploy deployment id
 * @param detectedBy        circuit breaker, CodeDeploy, harness gate (null when nothing failed)
 * @param rollbackId        the rollback's deployment (ECS: the rollback deployment's id; CodeDeploy: the rollback deployment)
 */
public record AwsDeploymentOutcome(Strategy strategy, Release release, Result result, String deploymentId, String taskDefinition,
                                   String previousTaskDefinition, Instant startedAt, Instant detectedAt, String detectedBy, String reason,
                                   String rollbackId, Instant rolledBackAt, Instant finishedAt, List<String> timeline) {

    public enum Result { COMPLETED, ROLLED_BACK, ROLLBACK_FAILED }

    public boolean completed() {
        return result == Result.COMPLETED;
    }

    public boolean rolledBack() {
        return result == Result.ROLLED_BACK;
    }

    public Duration rollbackTime() {
        return detectedAt == null || rolledBackAt == null ? null : Duration.between(detectedAt, rolledBackAt);
    }

    /** This deployment as the run's tally counts it: a rollback AWS reported done restored the previous release. */
    public DeploymentTally.Deployment tallied() {
        return new DeploymentTally.Deployment(strategy.label(), release.label(), !release.faulty(), completed(),
                detectedBy == null ? null : detectedBy + " (" + reason + ")", detectedAt != null, rolledBack());
    }

    public Duration deploymentTime() {
        return Duration.between(startedAt, finishedAt);
    }

    public String describe() {
        return strategy.label() + " deployment of " + release + " (" + deploymentId + ", " + taskDefinition + " over " + previousTaskDefinition
                + "): " + result + (detectedBy == null ? "" : " - detected by " + detectedBy + ": " + reason) + "\n  " + String.join("\n  ", timeline);
    }
}
