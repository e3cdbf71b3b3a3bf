package org.faithbot.verification.deployment;

import java.util.List;

/**
 * One deployment to make: the release, the strategy, and the new instances' names. Instances may
 * have been launched beforehand ({@code launched}); the controller launches the others itself.
 */
public record DeploymentPlan(Strategy strategy, Release release, List<String> newInstances, List<NewInstance> launched) {

    public DeploymentPlan {
        newInstances = List.copyOf(newInstances);
        launched = List.copyOf(launched);
        if (newInstances.isEmpty()) {
            throw new IllegalArgumentException("a deployment needs at least one new instance");
        }
    }

    public static DeploymentPlan of(Strategy strategy, Release release, List<String> newInstances) {
        return new DeploymentPlan(strategy, release, newInstances, List.of());
    }

    public String describe() {
        return strategy.label() + " deployment of release " + release + " onto " + newInstances;
    }
}
