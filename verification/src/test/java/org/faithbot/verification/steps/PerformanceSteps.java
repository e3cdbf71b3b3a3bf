package org.faithbot.verification.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.After;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.evidence.Comparator;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.EvidenceLog;
import org.faithbot.verification.load.GatlingStats;
import org.faithbot.verification.load.HostSpeed;
import org.faithbot.verification.load.Journeys;
import org.faithbot.verification.load.LatencyFault;
import org.faithbot.verification.load.LoadPlan;
import org.faithbot.verification.load.LoadProfile;
import org.faithbot.verification.load.LoadSettings.Feature;
import org.faithbot.verification.load.MeasuredLoad;
import org.faithbot.verification.load.PerformanceBaseline;
import org.faithbot.verification.load.PerformanceBaselines;
import org.faithbot.verification.load.ServiceMetrics;
import org.faithbot.verification.load.StandardLoads;
import org.faithbot.verification.target.Targets;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of the load and performance specs: Gatling loads (run in a JVM of their own, shared between
 * the scenarios that judge the same load), judged from Gatling's report, the simulation's own
 * telemetry and the service's own metrics. Each figure is recorded as evidence under the criteria the
 * scenario carries.
 */
public class PerformanceSteps {

    private static final String DYNAMODB_TIMER = "dynamodb_operation_seconds";

    private final ScenarioContext context;
    private List<String> criteria = List.of();
    private MeasuredLoad load;
    private FaultPlan pendingFault;
    private LatencyFault activeFault;
    private PerformanceBaselines baselines;
    private Map<String, PerformanceBaseline.Figure> figures;

    public PerformanceSteps(ScenarioContext context) {
        this.context = context;
    }

    @Before
    public void rememberCriteria(Scenario scenario) {
        criteria = scenario.getSourceTagNames().stream().filter(CriteriaCatalogue::isCriterionTag).map(t -> t.substring(1)).toList();
    }

    @After
    public void undoFault() {
        if (activeFault != null) {
            activeFault.close();
            activeFault = null;
        }
    }

    // ------------------------------------------------------------------ loads

    @Given("{int} members are using the chatbot at the same time")
    public void membersAtTheSameTime(int users) {
        LoadProfile profile = LoadProfile.current();
        if (users > LoadProfile.EXPECTED_USERS && !profile.carriesMoreThanTheExpectedLoad()) {
            throw new TestAbortedException(users + " members are measured by the main job (bin/launch-readiness) only: with two"
                    + " local instances on this machine's two shared cores the result depends on the machine more than on the"
                    + " service (0 errors on a quiet machine, up to 4 % in runs after other loads), and the tests (bin/test, the CI)"
                    + " must not pass or fail on that");
        }
        load = switch (users) {
            case LoadProfile.EXPECTED_USERS -> StandardLoads.expected(context.run().loads());
            case 2 * LoadProfile.EXPECTED_USERS -> StandardLoads.doubled(context.run().loads());
            default -> context.run().loads().shared("users-" + users,
                    features -> LoadPlan.concurrentUsers(users, profile.usersRamp(), profile.usersHold(), features.available()));
        };
        describeLoad();
    }

    @When("members keep arriving at {int} per second, each asking one question")
    public void membersKeepArriving(int rate) {
        LoadProfile profile = LoadProfile.current();
        if (rate == (int) profile.sustainedRate() && pendingFault == null) {
            load = StandardLoads.sustained(context.run().loads());
        } else {
            membersKeepArrivingFor(rate, (int) profile.sustainedHold().toSeconds());
            return;
        }
        describeLoad();
    }

    @When("members keep arriving at {int} per second for {int} seconds, each asking one question")
    public void membersKeepArrivingFor(int rate, int seconds) {
        FaultPlan fault = pendingFault;
        pendingFault = null;
        AtomicReference<LatencyFault> injected = new AtomicReference<>();
        try {
            load = context.run().loads().fresh(
                    features -> LoadPlan.arrivalRates("arrivals-" + rate + (fault == null ? "" : "-under-fault"), List.of((double) rate),
                            Duration.ofSeconds(2), Duration.ofSeconds(seconds), features.available()),
                    () -> {
                        if (fault != null) {
                            injected.set(LatencyFault.inject(context.target().local(), fault.after(), fault.stall(),
                                    Duration.ofMillis(1500)));
                            activeFault = injected.get();
                        }
                    });
        } finally {
            if (injected.get() != null) {
                injected.get().close();
                activeFault = null;
            }
        }
        if (injected.get() != null) {
            Allure.addAttachment("latency fault", "text/plain", injected.get().describe());
        }
        describeLoad();
    }

    @When("the arrival rate rises step by step until the SLOs break")
    public void arrivalRateRises() {
        load = StandardLoads.capacity(context.run().loads());
        describeLoad();
        Allure.addAttachment("capacity search: levels", "application/json", load.run().telemetry().toPrettyString());
    }

    @Given("every instance will stall for {int} seconds, {int} seconds into the next load, unnoticed by the balancer")
    public void everyInstanceWillStall(int stall, int after) {
        pendingFault = new FaultPlan(Duration.ofSeconds(after), Duration.ofSeconds(stall));
    }

    private record FaultPlan(Duration after, Duration stall) {
    }

    private void describeLoad() {
        String text = load.conditions() + "\n" + load.features().describe() + "\nGatling report: " + load.run().reportDirectory().resolve("index.html")
                + "\n" + load.run().stats().summary();
        Allure.addAttachment("load: " + load.run().plan().name(), "text/plain", text);
        if (!load.features().missing().isEmpty()) {
            System.out.println("[load] " + load.run().plan().name() + ": " + load.features().describe());
        }
    }

    private String conditions() {
        String missing = load.features().missing().isEmpty() ? "" : "; journeys not run (endpoints missing): " + load.features().missing().keySet();
        return load.conditions() + ", " + context.target().name() + " target" + missing + "; Gatling report "
                + Targets.projectRoot().relativize(load.run().reportDirectory().resolve("index.html"));
    }

    // ------------------------------------------------------------------ latency, errors, throughput

    @Then("the chat p95 under this load is below {int} ms")
    public void chatP95Below(int thresholdMillis) {
        GatlingStats.RequestStats chat = load.run().stats().request(Journeys.CHAT_MESSAGE)
                .orElseThrow(() -> new AssertionError("no chat message was sent under this load"));
        List<Evidence> records = new ArrayList<>();
        for (String criterion : criteriaOr("NFR-PERF-1")) {
            record(criterion, "chat latency p50 under load", chat.p50(), "ms", null);
            record(criterion, "chat latency p99 under load", chat.p99(), "ms", null);
            record(criterion, "chat latency max under load", chat.max(), "ms", null);
            records.add(record(criterion, "chat latency p95 under load", chat.p95(), "ms", Comparator.LESS_THAN, (double) thresholdMillis));
        }
        records.forEach(r -> assertThat(r.passed()).as(r.describe()).isTrue());
    }

    @Then("fewer than {double} % of all requests fail")
    public void fewerThanPercentFail(double thresholdPercent) {
        GatlingStats.RequestStats all = load.run().stats().global();
        List<Evidence> records = new ArrayList<>();
        for (String criterion : criteriaOr("SC-PERF-1")) {
            record(criterion, "failed requests under load", all.ko(), "requests", null);
            records.add(record(criterion, "error rate under load (" + all.ko() + " of " + all.total() + " requests)", all.errorPercent(), "%",
                    Comparator.LESS_THAN, thresholdPercent));
        }
        records.forEach(r -> assertThat(r.passed()).as(r.describe() + failureDetail()).isTrue());
    }

    private String failureDetail() {
        return "; Gatling's log: " + Targets.projectRoot().relativize(load.run().log());
    }

    @Then("{int} members were in a journey at the same time")
    public void membersWereInAJourneyAtOnce(int users) {
        double peak = load.run().telemetry().path("peakConcurrentUsers").asDouble(Double.NaN);
        List<Evidence> records = new ArrayList<>();
        for (String criterion : criteriaOr("NFR-SCALE-1")) {
            records.add(record(criterion, "concurrent users reached (peak of users in a journey)", peak, "users", Comparator.AT_LEAST, (double) users));
            record(criterion, "journeys completed", load.run().telemetry().path("journeysFinished").asDouble(), "journeys", null);
        }
        records.forEach(r -> assertThat(r.passed()).as(r.describe()).isTrue());
    }

    @Then("the requests per second served are reported")
    public void requestsPerSecondReported() {
        GatlingStats.RequestStats all = load.run().stats().global();
        for (String criterion : criteriaOr("NFR-SCALE-1")) {
            record(criterion, "requests per second served (mean over the whole run, ramp and tail included)", all.perSecond(), "requests/s", null);
            record(criterion, "requests served", all.total(), "requests", null);
        }
    }

    @Then("the load generator's own CPU share and memory are reported")
    public void injectorCostReported() {
        var cost = load.run().injectorCost();
        String how = "Gatling JVM (its own process), /proc/PID/stat and status sampled every second over the plateau ("
                + String.format("%.0f s, %d samples", cost.windowSeconds(), cost.samples()) + ")";
        for (String criterion : criteriaOr("NFR-SCALE-1")) {
            context.run().evidence().measured(criterion, "load generator CPU (cores busy)", round(cost.cores()), "cores", Comparator.LESS_THAN, null,
                    context.target().name(), how + "; " + conditions(), context.scenarioName());
            context.run().evidence().measured(criterion, "load generator CPU share of the machine (" + cost.machineCores() + " cores)",
                    round(cost.machineShare()), "%", Comparator.LESS_THAN, null, context.target().name(), how, context.scenarioName());
            context.run().evidence().measured(criterion, "load generator resident memory at the end of the plateau", round(cost.rssMegabytes()), "MB",
                    Comparator.LESS_THAN, null, context.target().name(), how, context.scenarioName());
            context.run().evidence().measured(criterion, "load generator peak resident memory", round(cost.peakRssMegabytes()), "MB",
                    Comparator.LESS_THAN, null, context.target().name(), how, context.scenarioName());
        }
        assertThat(cost.samples()).as("samples of the load generator's process over the plateau").isGreaterThanOrEqualTo(2);
    }

    @Then("the local DynamoDB was not the bottleneck")
    public void localDynamoDbNotTheBottleneck() {
        var costs = load.run().targetProcessCosts();
        if (!costs.containsKey("dynalite")) {
            Allure.addAttachment("local DynamoDB", "text/plain", "not applicable on the " + context.target().name() + " target (AWS DynamoDB)");
            return;
        }
        String how = "CPU of each process of the local target over the plateau, from /proc/PID/stat; dynalite is single-threaded (one core at most); "
                + conditions();
        costs.forEach((name, cost) -> {
            if (!name.equals("dynalite")) {
                context.run().evidence().measured(criteriaOr("NFR-SCALE-1").getFirst(), name + " CPU under load", round(cost.cores()), "cores",
                        Comparator.LESS_THAN, null, context.target().name(), how, context.scenarioName());
            }
        });
        var dynalite = costs.get("dynalite");
        Evidence evidence = context.run().evidence().measured(criteriaOr("NFR-SCALE-1").getFirst(),
                "local DynamoDB (dynalite) CPU, share of its one core", round(100 * dynalite.cores()), "%", Comparator.LESS_THAN, 80.0,
                context.target().name(), how, context.scenarioName());
        assertThat(evidence.passed()).as(evidence.describe()).isTrue();
    }

    @Then("more than {int} requests per second are answered successfully, sustained over the plateau")
    public void requestsPerSecondSustained(int threshold) {
        JsonNode level = load.run().telemetry().path("levels").path(0);
        assertThat(level.isMissingNode()).as("the open-model run's level figures (telemetry)").isFalse();
        double okPerSecond = level.path("okPerSecond").asDouble();
        List<Evidence> records = new ArrayList<>();
        for (String criterion : criteriaOr("NFR-PERF-3")) {
            record(criterion, "requests sent on the plateau", level.path("requests").asDouble(), "requests", null);
            record(criterion, "chat latency p95 on the plateau", level.path("p95Millis").asDouble(), "ms", null);
            records.add(record(criterion, "successful requests per second sustained on the plateau", okPerSecond, "requests/s",
                    Comparator.GREATER_THAN, (double) threshold));
        }
        records.forEach(r -> assertThat(r.passed()).as(r.describe()).isTrue());
    }

    @Then("the highest arrival rate sustained within the SLOs is reported, and it is above {int} per second")
    public void highestSustainedRate(int threshold) {
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
        List<Evidence> records = new ArrayList<>();
        for (String criterion : criteriaOr("NFR-PERF-3")) {
            records.add(context.run().evidence().measured(criterion, "highest arrival rate sustained within the SLOs (capacity search)", highest,
                    "requests/s", Comparator.GREATER_THAN, (double) threshold, context.target().name(),
                    "SLOs: chat p95 < 3000 ms, errors < 0.1 %, the offered rate answered; rungs: " + levels + extra + "; " + conditions(),
                    context.scenarioName()));
        }
        records.forEach(r -> assertThat(r.passed()).as(r.describe() + " — " + levels).isTrue());
    }

    // ------------------------------------------------------------------ the service's own metrics

    @Then("the service's own metrics show an average DynamoDB operation time below {int} ms")
    public void averageDynamoDbOperationBelow(int thresholdMillis) {
        ServiceMetrics.Delta metrics = serviceMetrics();
        requireMetric(metrics, DYNAMODB_TIMER + "_count", "the DynamoDB operation timer " + DYNAMODB_TIMER + "{table,operation}");
        double count = metrics.sum(DYNAMODB_TIMER + "_count", Map.of());
        double seconds = metrics.sum(DYNAMODB_TIMER + "_sum", Map.of());
        assertThat(count).as("DynamoDB operations timed during the load").isPositive();
        double averageMillis = 1000.0 * seconds / count;
        Map<String, Double> counts = metrics.sumBy(DYNAMODB_TIMER + "_count", "operation", Map.of());
        Map<String, Double> sums = metrics.sumBy(DYNAMODB_TIMER + "_sum", "operation", Map.of());
        StringBuilder perOperation = new StringBuilder();
        counts.forEach((operation, n) -> {
            if (n > 0) {
                perOperation.append(String.format("%s: %.0f ops, avg %.1f ms; ", operation, n, 1000.0 * sums.getOrDefault(operation, 0.0) / n));
            }
        });
        String how = "counter deltas of " + DYNAMODB_TIMER + " over the load, summed over every instance's /actuator/prometheus; "
                + perOperation + conditions();
        List<Evidence> records = new ArrayList<>();
        for (String criterion : criteriaOr("AC-3.1", "NFR-PERF-4")) {
            context.run().evidence().measured(criterion, "DynamoDB operations during the load", count, "operations", Comparator.LESS_THAN, null,
                    context.target().name(), how, context.scenarioName());
            records.add(context.run().evidence().measured(criterion, "average DynamoDB operation time under load", round(averageMillis), "ms",
                    Comparator.LESS_THAN, (double) thresholdMillis, context.target().name(), how, context.scenarioName()));
        }
        records.forEach(r -> assertThat(r.passed()).as(r.describe()).isTrue());
    }

    @Then("no Scan ran on the hot paths during the load")
    public void noScanDuringTheLoad() {
        ServiceMetrics.Delta metrics = serviceMetrics();
        requireMetric(metrics, DYNAMODB_TIMER + "_count", "the DynamoDB operation timer " + DYNAMODB_TIMER + "{table,operation}");
        double scans = metrics.sumBy(DYNAMODB_TIMER + "_count", "operation", Map.of()).entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("scan")).mapToDouble(Map.Entry::getValue).sum();
        Evidence evidence = context.run().evidence().measured("AC-3.1", "DynamoDB Scan operations during the user load", scans, "operations",
                Comparator.EQUAL_TO, 0.0, context.target().name(),
                "every request of the load is a user-facing (hot) path; " + DYNAMODB_TIMER + "{operation=Scan} delta; " + conditions(),
                context.scenarioName());
        assertThat(evidence.passed()).as(evidence.describe()).isTrue();
    }

    @Then("the cache hit ratio under this load is at least {int} %")
    public void cacheHitRatioAtLeast(int thresholdPercent) {
        ServiceMetrics.Delta metrics = serviceMetrics();
        if (!load.features().has(Feature.VERSES)) {
            throw new TestAbortedException("not run: the cached verse endpoints (GET /api/v1/verses/daily, /api/v1/verses?topic=) are not on the target ("
                    + load.features().missing().get(Feature.VERSES) + "), so the load held no cached requests");
        }
        requireMetric(metrics, "cache_gets_total", "the cache metrics cache_gets_total{result=hit|miss}");
        double hits = metrics.sum("cache_gets_total", Map.of("result", "hit"));
        double misses = metrics.sum("cache_gets_total", Map.of("result", "miss"));
        assertThat(hits + misses).as("cache look-ups during the load").isPositive();
        double ratio = 100.0 * hits / (hits + misses);
        Evidence evidence = context.run().evidence().measured(criteriaOr("AC-3.2").getFirst(), "cache hit ratio under load (" + (long) hits + " hits, "
                        + (long) misses + " misses)", round(ratio), "%", Comparator.AT_LEAST, (double) thresholdPercent, context.target().name(),
                "cache_gets_total deltas over the load, every instance; " + conditions(), context.scenarioName());
        assertThat(evidence.passed()).as(evidence.describe()).isTrue();
    }

    @Then("the share of verse responses served from cache is reported")
    public void shareServedFromCache() {
        ServiceMetrics.Delta metrics = serviceMetrics();
        Map<String, Double> byStatus = new java.util.LinkedHashMap<>();
        metrics.sumBy("http_server_requests_seconds_count", "uri", Map.of()).keySet().stream()
                .filter(uri -> uri.startsWith("/api/v1/verses"))
                .forEach(uri -> metrics.sumBy("http_server_requests_seconds_count", "status", Map.of("uri", uri))
                        .forEach((status, n) -> byStatus.merge(status, n, Double::sum)));
        double total = byStatus.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(total).as("verse responses during the load (http_server_requests_seconds_count, uri /api/v1/verses*)").isPositive();
        double notModified = byStatus.getOrDefault("304", 0.0);
        Evidence evidence = context.run().evidence().measured(criteriaOr("AC-3.2").getFirst(), "share of verse responses served from cache (304 Not Modified)",
                round(100.0 * notModified / total), "%", Comparator.GREATER_THAN, 0.0, context.target().name(),
                "http_server_requests deltas by status on /api/v1/verses*: " + byStatus + "; revalidations use If-None-Match; " + conditions(),
                context.scenarioName());
        assertThat(evidence.passed()).as(evidence.describe()).isTrue();
    }

    private ServiceMetrics.Delta serviceMetrics() {
        if (load.serviceMetrics() == null) {
            throw new TestAbortedException("the service's own metrics are read from each instance, on the local target only");
        }
        return load.serviceMetrics();
    }

    private static void requireMetric(ServiceMetrics.Delta metrics, String metric, String what) {
        if (!metrics.has(metric)) {
            throw new TestAbortedException("not measurable yet: the service does not publish " + what + " on /actuator/prometheus");
        }
    }

    // ------------------------------------------------------------------ the baseline (AC-3.6)

    @Given("the performance baseline committed in the repository")
    public void theCommittedBaseline() {
        baselines = PerformanceBaselines.read(Targets.projectRoot());
        Allure.addAttachment("performance baselines", "text/plain", PerformanceBaselines.FILE + ":\n" + baselines.baselines().stream()
                .map(b -> "measured on " + b.measuredOn() + "; host: " + b.host().describe()).collect(Collectors.joining("\n")));
    }

    @When("this run's figures are compared with it")
    public void compareWithBaseline() {
        figures = StandardLoads.baselineFigures(context.run().loads());
        if (Boolean.getBoolean("performance.baseline.update")) {
            HostSpeed speed = PerformanceBaseline.runSpeed(figures);
            PerformanceBaseline template = baselines.forHost(speed).orElseGet(() -> baselines.nearest(speed));
            baselines.with(template.rebaselined(figures, System.getProperty("performance.baseline.machine",
                    Runtime.getRuntime().availableProcessors() + " cores, " + context.target().name() + " target, profile " + LoadProfile.current().name())))
                    .write(Targets.projectRoot());
            System.out.println("[load] performance baseline for a host of this speed (" + speed.describe() + ") written: " + PerformanceBaselines.FILE);
        }
    }

    /**
     * The run is compared with the baseline of its host's speed. A figure is judged against its limit when
     * its load ran on a host the baseline admits; otherwise (no baseline for a host of this speed, or the
     * host changed speed during the run) it is recorded but not judged, and the scenario is skipped (never
     * passed) unless a judged figure regressed, which fails it.
     */
    @Then("no figure regressed beyond its tolerance")
    public void noRegression() {
        HostSpeed runSpeed = PerformanceBaseline.runSpeed(figures);
        Optional<PerformanceBaseline> chosen = baselines.forHost(runSpeed);
        PerformanceBaseline baseline = chosen.orElseGet(() -> baselines.nearest(runSpeed));
        Map<String, HostSpeed> hostByLoad = new LinkedHashMap<>();
        List<Evidence> judged = new ArrayList<>();
        List<String> notJudged = new ArrayList<>();
        for (PerformanceBaseline.Entry entry : baseline.metrics()) {
            PerformanceBaseline.Figure figure = figures.get(entry.id());
            if (figure == null || Double.isNaN(figure.value())) {
                throw new AssertionError("this run has no figure for the baseline's " + entry.id() + " (" + entry.metric() + ")");
            }
            hostByLoad.putIfAbsent(entry.id().substring(0, entry.id().indexOf('.')), figure.host());
            String rule = entry.describeRule() + "; baseline measured on " + baseline.measuredOn();
            if (chosen.isPresent() && baseline.host().admits(figure.host())) {
                judged.add(context.run().evidence().measured(criteriaOr("AC-3.6").getFirst(), entry.metric() + " vs baseline", round(figure.value()),
                        entry.unit(), entry.comparator(), round(entry.limit()), context.target().name(), rule, context.scenarioName()));
            } else {
                context.run().evidence().measured(criteriaOr("AC-3.6").getFirst(), entry.metric() + " (not judged: no baseline for a host of its load's speed)",
                        round(figure.value()), entry.unit(), entry.comparator(), null, context.target().name(),
                        rule + "; limit " + round(entry.limit()) + " " + entry.unit() + " not applied", context.scenarioName());
                notJudged.add(String.format("%s %s %s (limit %s)", entry.id(), round(figure.value()), entry.unit(), round(entry.limit())));
            }
        }
        hostByLoad.forEach((load, speed) -> {
            String conditions = speed.describe() + "; " + baseline.host().compare(speed) + " (" + baseline.host().describe() + ")";
            context.run().evidence().measured(criteriaOr("AC-3.6").getFirst(), "host speed over the load " + load + ": memory step, CPU time",
                    round(speed.memoryNanos()), "ns", Comparator.AT_MOST, null, context.target().name(), conditions, context.scenarioName());
            context.run().evidence().measured(criteriaOr("AC-3.6").getFirst(), "host speed over the load " + load + ": compute unit, CPU time",
                    round(speed.computeMicros()), "us", Comparator.AT_MOST, null, context.target().name(), conditions, context.scenarioName());
        });
        List<String> regressions = judged.stream().filter(r -> !r.passed()).map(Evidence::describe).toList();
        assertThat(regressions).as("figures past their baseline tolerance").isEmpty();
        if (!notJudged.isEmpty()) {
            String speeds = hostByLoad.entrySet().stream().map(e -> e.getKey() + ": " + baseline.host().compare(e.getValue()))
                    .collect(Collectors.joining("; "));
            throw new TestAbortedException("not comparable with a baseline: no committed baseline was measured on a host of this speed"
                    + " (nearest: measured on " + baseline.measuredOn() + ", " + baseline.host().describe() + "; this run's loads: " + speeds
                    + "), so these figures are recorded and not judged: " + String.join(", ", notJudged)
                    + (judged.isEmpty() ? "" : "; the " + judged.size() + " figures judged held")
                    + ". Re-baseline on this host to compare runs of its speed (docs/performance.md)");
        }
    }

    // ------------------------------------------------------------------ helpers

    private List<String> criteriaOr(String... fallback) {
        return criteria.isEmpty() ? List.of(fallback) : criteria;
    }

    private Evidence record(String criterion, String metric, double value, String unit, Comparator comparator, Double threshold) {
        return context.run().evidence().measured(criterion, metric, round(value), unit, comparator, threshold, context.target().name(), conditions(),
                context.scenarioName());
    }

    private Evidence record(String criterion, String metric, double value, String unit, Double threshold) {
        return record(criterion, metric, value, unit, Comparator.LESS_THAN, threshold);
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
