package org.faithbot.verification.deployment;

/**
 * Deploys a release by one of the three strategies ({@link Rollout}: blue-green, canary, rolling),
 * driving the balancer and the fleet, and rolls it back by itself when a gate fails
 * ({@link Rollback}): the previous release's servers get back the states and weights they had before
 * the deployment, the new release's servers go into maintenance, and the rollback is complete when
 * nothing is in flight on them any more. The new instances are then retired. Gates: readiness (a new
 * instance must become ready; live but never ready fails it), the release it reports, smoke journeys
 * straight to it (blue-green), and the live-metrics gate (error rate and p95 of the new release's
 * servers while they take real traffic). Each deployment is one {@link DeploymentRun}.
 */
public final class DeploymentController {

    private final Balancer balancer;
    private final Fleet fleet;
    private final MetricsSource metrics;
    private final SmokeCheck smoke;
    private final DeploymentSettings settings;

    public DeploymentController(Balancer balancer, Fleet fleet, MetricsSource metrics, SmokeCheck smoke, DeploymentSettings settings) {
        this.balancer = balancer;
        this.fleet = fleet;
        this.metrics = metrics;
        this.smoke = smoke;
        this.settings = settings;
    }

    public DeploymentSettings settings() {
        return settings;
    }

    public DeploymentOutcome deploy(DeploymentPlan plan) {
        return new DeploymentRun(plan, balancer, fleet, metrics, smoke, settings).execute();
    }
}
