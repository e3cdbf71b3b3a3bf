package org.faithbot.verification.steps;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.assertj.core.api.Assertions;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.load.LoadFigures;
import org.faithbot.verification.load.LoadProfile;
import org.faithbot.verification.load.MeasuredLoad;
import org.faithbot.verification.load.NotMeasurable;
import org.faithbot.verification.load.ServiceMetricFigures;
import org.faithbot.verification.load.SpecLoads;
import org.faithbot.verification.load.StandardLoads;
import org.faithbot.verification.target.Targets;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Steps of the load and performance specs: Gatling loads (run in a JVM of their own, shared between the scenarios
 * that judge the same load, see {@link SpecLoads}), judged by their figures ({@link LoadFigures}, and
 * {@link ServiceMetricFigures} from the service's own metrics), each recorded under the criteria its key serves.
 */
public class PerformanceSteps {

    private final ScenarioContext context;
    private final SpecLoads loads;
    private MeasuredLoad load;
    private LoadFigures figures;

    public PerformanceSteps(ScenarioContext context) {
        this.context = context;
        this.loads = new SpecLoads(() -> context.run().loads());
    }

    @After
    public void undoFault() {
        loads.close();
    }

    // ------------------------------------------------------------------ loads

    @Given("{int} members are using the chatbot at the same time")
    public void membersAtTheSameTime(int users) {
        runLoad(() -> loads.concurrentUsers(users));
    }

    @Given("a production day: 10,000 members or more, at least 1000 of them at once at its peaks, in the main job; a smaller day of 3,500 members in the tests")
    public void aProductionDay() {
        runLoad(loads::productionDay);
    }

    /** The load this scenario named, for the steps that judge more of it ({@link ProductionDaySteps}). */
    MeasuredLoad load() {
        Assertions.assertThat(load).as("a load named by an earlier step of this scenario").isNotNull();
        return load;
    }

    /** What the load ran under, in words, for the figures of other steps. */
    String conditions() {
        return figures.conditions();
    }

    @When("members keep arriving at {int} per second, each asking one question")
    public void membersKeepArriving(int rate) {
        runLoad(() -> loads.arrivals(rate));
    }

    @When("members keep arriving at {int} per second for {int} seconds, each asking one question")
    public void membersKeepArrivingFor(int rate, int seconds) {
        runLoad(() -> loads.arrivals(rate, seconds));
    }

    @When("the arrival rate rises step by step until the SLOs break")
    public void arrivalRateRises() {
        runLoad(loads::capacitySearch);
        Allure.addAttachment("capacity search: levels", "application/json", load.run().telemetry().toPrettyString());
    }

    @Given("every instance will stall for {int} seconds, {int} seconds into the next load, unnoticed by the balancer")
    public void everyInstanceWillStall(int stall, int after) {
        loads.stallEveryInstance(Duration.ofSeconds(after), Duration.ofSeconds(stall));
    }

    private void runLoad(Supplier<MeasuredLoad> made) {
        load = measurable(made);
        figures = new LoadFigures(load, context.target().name(), Targets.projectRoot());
        loads.faultInLastLoad().ifPresent(fault -> Allure.addAttachment("latency fault", "text/plain", fault));
        Allure.addAttachment("load: " + load.run().plan().name(), "text/plain", figures.summary());
        if (!load.features().missing().isEmpty()) {
            System.out.println("[load] " + load.run().plan().name() + ": " + load.features().describe());
        }
    }

    // ------------------------------------------------------------------ latency, errors, throughput

    @Then("the chat p95 under this load is below {int} ms")
    public void chatP95Below(int thresholdMillis) {
        assertEach(record("performance.chat-latency", figures.chatLatency(thresholdMillis)), "");
    }

    @Then("fewer than {double} % of all requests fail")
    public void fewerThanPercentFail(double thresholdPercent) {
        assertEach(record("performance.errors", figures.errors(thresholdPercent)), figures.failureDetail());
    }

    @Then("{int} members were in a journey at the same time")
    public void membersWereInAJourneyAtOnce(int users) {
        List<Figure> concurrency = figures.concurrency(users);
        requireTheRequiredDay(concurrency);
        assertEach(record("performance.concurrency", concurrency), "");
    }

    /**
     * The scale a production day is for (10,000 members, 1000 at once) is judged on the main job's day only: the tests'
     * day is smaller (it must hold on this machine kind's slower days), so there the check is skipped, saying what the
     * smaller day measured; any other load is judged as it ran.
     */
    void requireTheRequiredDay(List<Figure> measured) {
        if (StandardLoads.EXPECTED.equals(load().run().plan().name()) && !LoadProfile.current().playsTheRequiredDay()) {
            throw new TestAbortedException("not judged in the tests: their production day brings " + LoadProfile.TEST_DAY_MEMBERS
                    + " members, so that it holds on this machine kind's slower days; the main job's day brings the "
                    + LoadProfile.DAILY_MEMBERS + " this criterion is judged on (the tests' day measured: "
                    + measured.stream().map(f -> f.metric() + " = " + Math.round(f.value()) + " " + f.unit()).toList() + ")");
        }
    }

    @Then("the requests per second served are reported")
    public void requestsPerSecondReported() {
        record("performance.throughput", figures.throughput());
    }

    @Then("the load generator's own CPU share and memory are reported")
    public void injectorCostReported() {
        record("performance.injector-cost", figures.injectorCost());
        Assertions.assertThat(figures.injectorSamples()).as("samples of the load generator's process over the plateau").isGreaterThanOrEqualTo(2);
    }

    @Then("the local DynamoDB was not the bottleneck")
    public void localDynamoDbNotTheBottleneck() {
        List<Figure> cpu = figures.targetProcessCpu();
        if (cpu.isEmpty()) {
            Allure.addAttachment("local DynamoDB", "text/plain", "not applicable on the " + context.target().name() + " target (AWS DynamoDB)");
            return;
        }
        assertEach(record("performance.process-cpu", cpu), "");
    }

    @Then("more than {int} requests per second are answered successfully, sustained over the plateau")
    public void requestsPerSecondSustained(int threshold) {
        assertEach(record("performance.plateau", figures.plateau(threshold)), "");
    }

    @Then("the highest arrival rate sustained within the SLOs is reported, and it is above {int} per second")
    public void highestSustainedRate(int threshold) {
        LoadFigures.Capacity capacity = figures.capacity(threshold);
        assertEach(context.evidence().record("performance.capacity", capacity.highest()), " — " + capacity.rungs());
    }

    // ------------------------------------------------------------------ the service's own metrics

    @Then("the service's own metrics show an average DynamoDB operation time below {int} ms")
    public void averageDynamoDbOperationBelow(int thresholdMillis) {
        assertEach(record("performance.dynamodb", measurable(() -> serviceMetrics().dynamoDb(thresholdMillis))), "");
    }

    @Then("no Scan ran on the hot paths during the load")
    public void noScanDuringTheLoad() {
        assertEach(context.evidence().record("performance.scan-count", measurable(() -> serviceMetrics().scans())), "");
    }

    @Then("the cache hit ratio under this load is at least {int} %")
    public void cacheHitRatioAtLeast(int thresholdPercent) {
        assertEach(context.evidence().record("performance.cache", measurable(() -> serviceMetrics().cacheHitRatio(thresholdPercent))), "");
    }

    @Then("the share of verse responses served from cache is reported")
    public void shareServedFromCache() {
        assertEach(context.evidence().record("performance.cache", measurable(() -> serviceMetrics().notModifiedShare())), "");
    }

    private ServiceMetricFigures serviceMetrics() {
        return ServiceMetricFigures.of(load, figures.conditions());
    }

    // ------------------------------------------------------------------ helpers

    /** What {@code measurement} gives; a figure not measurable here skips the step (never passes it). */
    private <T> T measurable(Supplier<T> measurement) {
        try {
            return measurement.get();
        } catch (NotMeasurable e) {
            throw new TestAbortedException(e.getMessage());
        }
    }

    private List<Evidence> record(String key, List<Figure> figures) {
        List<Evidence> records = new ArrayList<>();
        figures.forEach(figure -> records.addAll(context.evidence().record(key, figure)));
        return records;
    }

    /** Each record met its threshold (a figure only reported always does); the first that did not fails the step. */
    private void assertEach(List<Evidence> records, String detail) {
        records.forEach(r -> Assertions.assertThat(r.passed()).as(r.describe() + detail).isTrue());
    }
}
