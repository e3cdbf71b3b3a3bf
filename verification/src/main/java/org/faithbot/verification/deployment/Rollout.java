package org.faithbot.verification.deployment;

/**
 * How one strategy moves the traffic from the running release to the new one, step by step on a
 * {@link DeploymentRun}; a step whose gate fails throws {@link GateFailed} and the run rolls back.
 */
interface Rollout {

    void roll(DeploymentRun run);

    static Rollout of(Strategy strategy) {
        return switch (strategy) {
            case BLUE_GREEN -> new BlueGreenRollout();
            case CANARY -> new CanaryRollout();
            case ROLLING -> new RollingRollout();
        };
    }
}
