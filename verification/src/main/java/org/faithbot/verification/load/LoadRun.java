package org.faithbot.verification.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A finished Gatling run: its exit code (2 when the simulation's own assertions failed), report,
 * statistics, the injector's cost over the plateau (and, on the local target, the cost of the target's
 * own processes over the same plateau: dynalite, the instances, the balancer), the host's speed over that plateau
 * ({@link HostSpeed}), and the simulation's own telemetry.
 */
public record LoadRun(LoadPlan plan, int exitCode, Path reportDirectory, Path log, GatlingStats stats, InjectorCost injectorCost,
                      Map<String, InjectorCost> targetProcessCosts, HostSpeed hostSpeed, JsonNode telemetry, Instant started, Duration wallTime) {
}
