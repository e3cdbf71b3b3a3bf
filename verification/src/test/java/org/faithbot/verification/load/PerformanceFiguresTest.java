package org.faithbot.verification.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.evidence.Comparator;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.load.LoadSettings.Feature;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The figures of the load specs' Then-steps, computed from a measured load without running one. */
class PerformanceFiguresTest {

    private static final Path ROOT = Path.of("/project");

    private static GatlingStats.RequestStats stats(String name, long total, long ko, double perSecond, double p50, double p95, double p99, double max) {
        return new GatlingStats.RequestStats(name, total, total - ko, ko, 0, perSecond, 1, p50, p50, p95, p99, max, p50);
    }

    private static MeasuredLoad load(JsonNode telemetry, Map<String, InjectorCost> targetCosts, Map<Feature, String> missing) {
        Map<String, GatlingStats.RequestStats> requests = new LinkedHashMap<>();
        requests.put(GatlingStats.ALL_REQUESTS, stats(GatlingStats.ALL_REQUESTS, 2000, 3, 123.456, 100, 900, 1500, 4000));
        requests.put(Journeys.CHAT_MESSAGE, stats(Journeys.CHAT_MESSAGE, 500, 1, 30, 812.345, 2345.678, 2999.999, 4100));
        LoadPlan plan = new LoadPlan("users-1000", MixedLoadSimulation.class, Map.of(), Duration.ZERO, Duration.ofSeconds(60),
                Duration.ofMinutes(5), "1g", "1000 concurrent users");
        InjectorCost injector = new InjectorCost(1.2345, 61.726, 2, 812.349, 901.001, 40, 41, 0.01);
        LoadRun run = new LoadRun(plan, 0, ROOT.resolve("reports/gatling/run-1"), ROOT.resolve("reports/gatling/run-1.log"),
                new GatlingStats(requests), injector, targetCosts, HostSpeed.notMeasured(), telemetry, Instant.EPOCH, Duration.ofMinutes(2));
        Set<Feature> available = missing.isEmpty() ? Set.of(Feature.VERSES) : Set.of();
        return new MeasuredLoad(run, new ServiceFeatures(available, missing, 200), null);
    }

    private static JsonNode json(String text) throws Exception {
        return new ObjectMapper().readTree(text);
    }

    private static LoadFigures figures(JsonNode telemetry) {
        return new LoadFigures(load(telemetry, Map.of(), Map.of()), "local", ROOT);
    }

    @Test
    void theConditionsNameTheLoadTheTargetTheJourneysLeftOutAndTheReport() throws Exception {
        assertThat(figures(json("{}")).conditions()).isEqualTo("1000 concurrent users, local target; Gatling report reports/gatling/run-1/index.html");
        LoadFigures without = new LoadFigures(load(json("{}"), Map.of(), Map.of(Feature.VERSES, "404")), "staging", ROOT);
        assertThat(without.conditions()).isEqualTo("1000 concurrent users, staging target; journeys not run (endpoints missing): [VERSES];"
                + " Gatling report reports/gatling/run-1/index.html");
        assertThat(figures(json("{}")).failureDetail()).isEqualTo("; Gatling's log: reports/gatling/run-1.log");
    }

    @Test
    void theChatLatencyIsReportedAtEachPercentileAndJudgedAtItsP95() throws Exception {
        List<Figure> latency = figures(json("{}")).chatLatency(3000);
        assertThat(latency).extracting(Figure::metric).containsExactly("chat latency p50 under load", "chat latency p99 under load",
                "chat latency max under load", "chat latency p95 under load");
        assertThat(latency).extracting(Figure::value).containsExactly(812.35, 3000.0, 4100.0, 2345.68);
        assertThat(latency.subList(0, 3)).noneMatch(Figure::judged);
        assertThat(latency.getLast().comparator()).isEqualTo(Comparator.LESS_THAN);
        assertThat(latency.getLast().threshold()).isEqualTo(3000.0);
        assertThat(latency).allSatisfy(f -> assertThat(f.conditions()).startsWith("1000 concurrent users, local target"));
    }

    @Test
    void aLoadWithoutChatMessagesHasNoChatLatency() throws Exception {
        LoadFigures figures = figures(json("{}"));
        MeasuredLoad noChat = load(json("{}"), Map.of(), Map.of());
        LoadRun run = noChat.run();
        LoadRun withoutChat = new LoadRun(run.plan(), 0, run.reportDirectory(), run.log(),
                new GatlingStats(Map.of(GatlingStats.ALL_REQUESTS, run.stats().global())), run.injectorCost(), Map.of(), run.hostSpeed(),
                run.telemetry(), run.started(), run.wallTime());
        assertThatThrownBy(() -> new LoadFigures(new MeasuredLoad(withoutChat, noChat.features(), null), "local", ROOT).chatLatency(3000))
                .isInstanceOf(AssertionError.class).hasMessage("no chat message was sent under this load");
        assertThat(figures.chatLatency(3000)).hasSize(4);
    }

    @Test
    void theErrorRateIsExactAndNamesItsCounts() throws Exception {
        List<Figure> errors = figures(json("{}")).errors(0.1);
        assertThat(errors.getFirst().metric()).isEqualTo("failed requests under load");
        assertThat(errors.getFirst().value()).isEqualTo(3.0);
        assertThat(errors.getLast().metric()).isEqualTo("error rate under load (3 of 2000 requests)");
        assertThat(errors.getLast().value()).isEqualTo(0.15);
        assertThat(errors.getLast().met()).isFalse();
    }

    @Test
    void thePeakOfUsersAndTheJourneysComeFromTheTelemetry() throws Exception {
        List<Figure> concurrency = figures(json("{\"peakConcurrentUsers\": 1000, \"journeysFinished\": 1234}")).concurrency(1000);
        assertThat(concurrency).extracting(Figure::value).containsExactly(1000.0, 1234.0);
        assertThat(concurrency.getFirst().comparator()).isEqualTo(Comparator.AT_LEAST);
        assertThat(concurrency.getFirst().met()).isTrue();
        assertThat(figures(json("{}")).concurrency(1000).getFirst().value()).as("no peak in the telemetry: NaN, rounded as before").isEqualTo(0.0);
    }

    @Test
    void throughputAndTheInjectorsCostAreReportedRounded() throws Exception {
        LoadFigures figures = figures(json("{}"));
        assertThat(figures.throughput()).extracting(Figure::value).containsExactly(123.46, 2000.0);
        List<Figure> cost = figures.injectorCost();
        assertThat(cost).extracting(Figure::metric).containsExactly("load generator CPU (cores busy)",
                "load generator CPU share of the machine (2 cores)", "load generator resident memory at the end of the plateau",
                "load generator peak resident memory");
        assertThat(cost).extracting(Figure::value).containsExactly(1.23, 61.73, 812.35, 901.0);
        assertThat(cost).noneMatch(Figure::judged);
        String how = "Gatling JVM (its own process), /proc/PID/stat and status sampled every second over the plateau (40 s, 41 samples)";
        assertThat(cost.getFirst().conditions()).isEqualTo(how + "; " + figures.conditions());
        assertThat(cost.get(1).conditions()).isEqualTo(how);
        assertThat(figures.injectorSamples()).isEqualTo(41);
    }

    @Test
    void theLocalDynamoDbIsJudgedOnItsOneCoreAfterTheOtherProcessesAreReported() throws Exception {
        Map<String, InjectorCost> costs = new LinkedHashMap<>();
        costs.put("s1", new InjectorCost(0.804, 40, 2, 300, 300, 40, 41, 0));
        costs.put("dynalite", new InjectorCost(0.85, 42, 2, 80, 80, 40, 41, 0));
        costs.put("haproxy", new InjectorCost(0.1, 5, 2, 10, 10, 40, 41, 0));
        List<Figure> cpu = new LoadFigures(load(json("{}"), costs, Map.of()), "local", ROOT).targetProcessCpu();
        assertThat(cpu).extracting(Figure::metric).containsExactly("s1 CPU under load", "haproxy CPU under load",
                "local DynamoDB (dynalite) CPU, share of its one core");
        assertThat(cpu).extracting(Figure::value).containsExactly(0.8, 0.1, 85.0);
        assertThat(cpu.getLast().threshold()).isEqualTo(80.0);
        assertThat(cpu.getLast().met()).isFalse();
        assertThat(figures(json("{}")).targetProcessCpu()).as("no local DynamoDB (staging)").isEmpty();
    }

    @Test
    void thePlateauIsTheOpenModelsFirstLevel() throws Exception {
        List<Figure> plateau = figures(json("{\"levels\": [{\"requests\": 3600, \"p95Millis\": 812.345, \"okPerSecond\": 119.996}]}")).plateau(100);
        assertThat(plateau).extracting(Figure::value).containsExactly(3600.0, 812.35, 120.0);
        assertThat(plateau.getLast().comparator()).isEqualTo(Comparator.GREATER_THAN);
        assertThatThrownBy(() -> figures(json("{}")).plateau(100)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the open-model run's level figures (telemetry)");
    }

    @Test
    void theCapacityIsTheHighestRateSustainedWithItsRungsInWords() throws Exception {
        LoadFigures.Capacity capacity = figures(json("""
                {"highestSustainedRate": 140, "levels": [
                  {"rate": 120, "verdict": "passed", "p95Millis": 900, "errorPercent": 0, "reason": null},
                  {"rate": 140, "verdict": "passed", "p95Millis": 1900, "errorPercent": 0.01, "reason": null},
                  {"rate": 160, "verdict": "broken", "p95Millis": 3900, "errorPercent": 0.5, "reason": "p95 over 3000 ms"},
                  {"rate": 180, "verdict": "not reached"}]}""")).capacity(100);
        assertThat(capacity.rungs()).isEqualTo("120/s: passed (p95 900 ms, 0.00 % errors); 140/s: passed (p95 1900 ms, 0.01 % errors); "
                + "160/s: broken (p95 3900 ms, 0.50 % errors: p95 over 3000 ms); ");
        assertThat(capacity.highest().value()).isEqualTo(140.0);
        assertThat(capacity.highest().met()).isTrue();
        assertThat(capacity.highest().conditions()).startsWith("SLOs: chat p95 < 3000 ms, errors < 0.1 %, the offered rate answered; rungs: 120/s")
                .doesNotContain("every rung held");
        LoadFigures.Capacity allHeld = figures(json("{\"highestSustainedRate\": 200, \"levels\": [{\"rate\": 200, \"verdict\": \"passed\","
                + " \"p95Millis\": 900, \"errorPercent\": 0, \"reason\": null}]}")).capacity(100);
        assertThat(allHeld.highest().conditions()).contains("; every rung held: the capacity is at least the top rung; 1000 concurrent users");
    }
}
