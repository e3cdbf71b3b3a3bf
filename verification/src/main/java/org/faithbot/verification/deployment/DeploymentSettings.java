package org.faithbot.verification.deployment;

import java.time.Duration;
import java.util.List;

/**
 * How the deployment controller paces and judges a deployment.
 *
 * @param readinessTimeout   how long a new instance may take to become ready after its launch
 * @param liveButUnready     how long a new instance may be live (its liveness probe answers 200) without being ready
 * @param smokeJourneys      smoke journeys per new instance before a blue-green switch (six at a time)
 * @param warmUpRequests     requests off the chat path that warm a new instance before it takes traffic (canary, rolling)
 * @param canarySteps        the share of the traffic, in percent, the new release takes at each canary step
 * @param stepBake           how long each canary step, each rolling instance and the blue-green post-switch check are judged
 * @param maxBake            how long a step may wait for enough traffic to be judged
 * @param baselineWindow     the window over which the previous release's p95 is read before a blue-green switch
 * @param interval           how often the gates read the live metrics
 * @param drainTimeout       how long a drained server may take to finish its requests in flight
 * @param upTimeout          how long the balancer's health checks may take to see a new server up
 */
public record DeploymentSettings(Duration readinessTimeout, Duration liveButUnready, int smokeJourneys, int warmUpRequests,
                                 List<Integer> canarySteps, Duration stepBake, Duration maxBake, Duration baselineWindow,
                                 Duration interval, Duration drainTimeout, Duration upTimeout, GateThresholds thresholds) {

    public DeploymentSettings {
        canarySteps = List.copyOf(canarySteps);
        if (canarySteps.isEmpty() || canarySteps.getLast() != 100 || canarySteps.stream().anyMatch(s -> s <= 0 || s > 100)) {
            throw new IllegalArgumentException("canary steps must rise to 100 %: " + canarySteps);
        }
    }

    /**
     * The local drills' pace: short bakes (the load is steady and every request is counted), generous start-up limits
     * (2 shared cores), and six smoke journeys: the drills warm their releases before the load, and a heavier smoke
     * gate would take the CPU of the instances serving the members (in AWS each task has its own).
     */
    public static DeploymentSettings local() {
        return new DeploymentSettings(Duration.ofSeconds(300), Duration.ofSeconds(10), 6, 10, List.of(10, 50, 100),
                Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(3), Duration.ofMillis(250),
                Duration.ofSeconds(20), Duration.ofSeconds(15), GateThresholds.standard());
    }

    public DeploymentSettings withCanarySteps(List<Integer> steps) {
        return new DeploymentSettings(readinessTimeout, liveButUnready, smokeJourneys, warmUpRequests, steps, stepBake, maxBake, baselineWindow,
                interval, drainTimeout, upTimeout, thresholds);
    }
}
