package org.faithbot.verification.load;

import com.fasterxml.jackson.databind.JsonNode;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.local.CpuGroups;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures the load specs judge a measured load by, from Gatling's statistics, the simulation's own telemetry
 * and the cost of the load generator and of the target's processes. Each method gives the figures of one
 * Then-step, in the order they are recorded, with what they were measured under; the judged one carries its limit.
 */
public final class LoadFigures {

    private final MeasuredLoad load;
    private final String targetName;
    private final Path projectRoot;

    /**
     * @param targetName  the target the load ran against, named in the conditions
     * @param projectRoot the paths of the Gatling report and log are given relative to it
     */
    public LoadFigures(MeasuredLoad load, String targetName, Path projectRoot) {
        this.load = load;
        this.targetName = targetName;
        this.projectRoot = projectRoot;
    }

    /** What the load ran under: its plan, the target, the journeys left out, the Gatling report. */
    public String conditions() {
        String missing = load.features().missing().isEmpty() ? "" : "; journeys not run (endpoints missing): " + load.features().missing().keySet();
        return load.conditions() + ", " + targetName + " target" + missing + "; Gatling report "
                + projectRoot.relativize(load.run().reportDirectory().resolve("index.html"));
    }

    /** The load in a few lines, for the report: plan, service features, Gatling report and statistics. */
    public String summary() {
        return load.conditions() + "\n" + load.features().describe() + "\nGatling report: " + load.run().reportDirectory().resolve("index.html")
                + "\n" + load.run().stats().summary();
    }

    /** The chat latency percentiles (reported) and its p95, judged against {@code thresholdMillis}. */
    public List<Figure> chatLatency(int thresholdMillis) {
        GatlingStats.RequestStats chat = load.run().stats().request(Journeys.CHAT_MESSAGE)
                .orElseThrow(() -> new AssertionError("no chat message was sent under this load"));
        return List.of(measured("chat latency p50 under load", chat.p50(), "ms"),
                measured("chat latency p99 under load", chat.p99(), "ms"),
                measured("chat latency max under load", chat.max(), "ms"),
                measured("chat latency p95 under load", chat.p95(), "ms").lessThan(thresholdMillis));
    }

    /** The failed requests (reported) and the error rate of all requests, judged against {@code thresholdPercent}. */
    public List<Figure> errors(double thresholdPercent) {
        GatlingStats.RequestStats all = load.run().stats().global();
        return List.of(measured("failed requests under load", all.ko(), "requests"),
                measured("error rate under load (" + all.ko() + " of " + all.total() + " requests)", all.errorPercent(), "%")
                        .lessThan(thresholdPercent));
    }

    /** Where to look when requests failed: Gatling's log. */
    public String failureDetail() {
        return "; Gatling's log: " + projectRoot.relativize(load.run().log());
    }

    /** The peak of members in a journey at once, judged against {@code users}, and the journeys completed. */
    public List<Figure> concurrency(int users) {
        JsonNode telemetry = load.run().telemetry();
        return List.of(measured("concurrent users reached (peak of users in a journey)", telemetry.path("peakConcurrentUsers").asDouble(Double.NaN),
                        "users").atLeast(users),
                measured("journeys completed", telemetry.path("journeysFinished").asDouble(), "journeys"));
    }

    /** The requests per second served and the requests served (reported). */
    public List<Figure> throughput() {
        GatlingStats.RequestStats all = load.run().stats().global();
        return List.of(measured("requests per second served (mean over the whole run, ramp and tail included)", all.perSecond(), "requests/s"),
                measured("requests served", all.total(), "requests"));
    }

    /** The load generator's own CPU and memory over the plateau (reported). */
    public List<Figure> injectorCost() {
        InjectorCost cost = load.run().injectorCost();
        String how = "Gatling JVM (its own process), /proc/PID/stat and status sampled every second over the plateau ("
                + String.format("%.0f s, %d samples", cost.windowSeconds(), cost.samples()) + ")";
        return List.of(Figure.of("load generator CPU (cores busy)", cost.cores(), "cores").rounded().when(how + "; " + conditions()),
                Figure.of("load generator CPU share of the machine (" + cost.machineCores() + " cores)", cost.machineShare(), "%").rounded()
                        .when(how),
                Figure.of("load generator resident memory at the end of the plateau", cost.rssMegabytes(), "MB").rounded().when(how),
                Figure.of("load generator peak resident memory", cost.peakRssMegabytes(), "MB").rounded().when(how));
    }

    /** How many times the load generator's process was sampled over the plateau. */
    public int injectorSamples() {
        return load.run().injectorCost().samples();
    }

    /**
     * The CPU of each process of the local target over the plateau (reported), then the local DynamoDB's share of its
     * one core, judged below 80 %; none when the target has no local DynamoDB (AWS DynamoDB on staging).
     */
    public List<Figure> targetProcessCpu() {
        var costs = load.run().targetProcessCosts();
        if (!costs.containsKey("dynalite")) {
            return List.of();
        }
        CpuGroups groups = CpuGroups.shared();
        String how = "CPU of each process of the local target over the plateau, from /proc/PID/stat; dynalite is single-threaded (one core at most); "
                + groups.describe() + "; " + conditions();
        List<Figure> figures = new ArrayList<>();
        costs.forEach((name, cost) -> {
            if (!name.equals("dynalite")) {
                int shares = groups.sharesOf(name);
                figures.add(Figure.of(name + " CPU under load" + (shares > 0 ? " (its CPU share: " + shares + " cpu.shares)" : ""), cost.cores(), "cores")
                        .rounded().when(how));
            }
        });
        figures.add(Figure.of("local DynamoDB (dynalite) CPU, share of its one core", 100 * costs.get("dynalite").cores(), "%").rounded()
                .lessThan(80.0).when(how));
        return figures;
    }

    /** The requests and chat p95 on the open model's plateau (reported), and its successful requests per second, judged. */
    public List<Figure> plateau(int threshold) {
        JsonNode level = load.run().telemetry().path("levels").path(0);
        assertThat(level.isMissingNode()).as("the open-model run's level figures (telemetry)").isFalse();
        return List.of(measured("requests sent on the plateau", level.path("requests").asDouble(), "requests"),
                measured("chat latency p95 on the plateau", level.path("p95Millis").asDouble(), "ms"),
                measured("successful requests per second sustained on the plateau", level.path("okPerSecond").asDouble(), "requests/s")
                        .greaterThan(threshold));
    }

    /** The capacity search's outcome: its highest arrival rate within the SLOs, judged, and its rungs in words. */
    public record Capacity(Figure highest, String rungs) {
    }

    public Capacity capacity(int threshold) {
        JsonNode results = load.run().telemetry();
        double highest = results.path("highestSustainedRate").asDouble(0);
        StringBuilder levels = new StringBuilder();
        boolean topReached = true;
        for (JsonNode level : results.path("levels")) {
            String verdict = level.path("verdict").asText();
            if (verdict.equals("not reached")) {
                continue;
            }
            levels.append(String.format("%.0f/s: %s (p95 %.0f ms, %.2f %% errors%s); ", level.path("rate").asDouble(), verdict,
                    level.path("p95Millis").asDouble(), level.path("errorPercent").asDouble(),
                    level.path("reason").isNull() ? "" : ": " + level.path("reason").asText()));
            topReached = "passed".equals(verdict);
        }
        String extra = topReached ? "; every rung held: the capacity is at least the top rung" : "";
        return new Capacity(Figure.of("highest arrival rate sustained within the SLOs (capacity search)", highest, "requests/s")
                .greaterThan(threshold)
                .when("SLOs: chat p95 < 3000 ms, errors < 0.1 %, the offered rate answered; rungs: " + levels + extra + "; " + conditions()),
                levels.toString());
    }

    /** A figure of this load, rounded as the reports show it, measured under its conditions. */
    private Figure measured(String metric, double value, String unit) {
        return Figure.of(metric, value, unit).rounded().when(conditions());
    }
}
