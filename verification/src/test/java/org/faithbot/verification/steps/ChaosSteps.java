package org.faithbot.verification.steps;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.chaos.Experiment;
import org.faithbot.verification.chaos.ExperimentResult;
import org.faithbot.verification.chaos.FisGuardrails;
import org.faithbot.verification.chaos.GameDay;
import org.faithbot.verification.chaos.HypothesisCheck;
import org.faithbot.verification.evidence.Comparator;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.EvidenceLog;
import org.faithbot.verification.load.LoadRun;
import org.faithbot.verification.target.Targets;
import org.opentest4j.TestAbortedException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of the fault-injection experiments (the game day): each experiment of chaos-experiments/
 * is run by the chaos engine with the target's driver (real local faults, or AWS FIS in staging)
 * under the game day's background load; its figures are recorded as evidence under the scenario's
 * criteria, and its hypothesis is judged part by part.
 */
public class ChaosSteps {

    private final ScenarioContext context;
    private List<String> criteria = List.of();
    private ExperimentResult result;
    private GameDay.Summary summary;

    public ChaosSteps(ScenarioContext context) {
        this.context = context;
    }

    @Before
    public void rememberCriteria(Scenario scenario) {
        criteria = scenario.getSourceTagNames().stream().filter(CriteriaCatalogue::isCriterionTag).map(t -> t.substring(1)).toList();
    }

    // ------------------------------------------------------------------ the game day

    @Given("the game day has begun, under its background load")
    public void theGameDayHasBegunUnderLoad() {
        context.run().gameDay().startLoad();
    }

    @Given("the game day has begun, without background load")
    public void theGameDayHasBegunWithoutLoad() {
        context.run().gameDay();
    }

    @When("the experiment {string} is run")
    public void theExperimentIsRun(String id) {
        run(experiment(id));
    }

    @When("the experiment {string} is run with its recovery bound set to {int} seconds")
    public void theExperimentIsRunWithItsRecoveryBound(String id, int seconds) {
        run(experiment(id).withMaxRecovery(Duration.ofSeconds(seconds)));
    }

    @When("the experiment {string} is run with its stop conditions set to {string}")
    public void theExperimentIsRunWithItsStopConditions(String id, String alarms) {
        run(experiment(id).withStopConditions(List.of(alarms.split("\\s*,\\s*"))));
    }

    private Experiment experiment(String id) {
        if (!GameDay.selected(id)) {
            throw new TestAbortedException("experiment " + id + " is not selected for this game day (-Dchaos.experiment="
                    + System.getProperty("chaos.experiment") + ")");
        }
        return context.run().gameDay().catalogue().get(id);
    }

    private void run(Experiment experiment) {
        result = context.run().gameDay().run(experiment);
        attach();
        switch (result.outcome()) {
            case NOT_RUNNABLE -> throw new TestAbortedException("experiment " + experiment.id() + " is not runnable on the "
                    + result.target() + " target yet, so it is reported as not run (never as passed): " + result.notRunReason());
            case REFUSED -> throw new AssertionError(result.notRunReason());
            default -> record();
        }
    }

    private void attach() {
        StringBuilder text = new StringBuilder();
        text.append(result.summary()).append("\n\nHypothesis: ").append(result.experiment().steadyState().hypothesis()).append("\n");
        if (!result.faultDescription().isEmpty()) {
            text.append("Fault: ").append(result.faultDescription()).append("\n");
        }
        if (result.experiment().local() != null && !result.experiment().local().rationale().isEmpty() && "local".equals(result.target())) {
            text.append("Local equivalent: ").append(result.experiment().local().rationale()).append("\n");
        }
        text.append("\n");
        result.checks().forEach(c -> text.append(c.describe()).append("\n"));
        if (!result.facts().isEmpty()) {
            text.append("\nFacts:\n");
            result.facts().forEach((k, v) -> text.append("  ").append(k).append(": ").append(v).append("\n"));
        }
        if (!result.events().isEmpty()) {
            text.append("\nEvents:\n");
            result.events().forEach(e -> text.append("  ").append(e).append("\n"));
        }
        Allure.addAttachment("experiment " + result.experiment().id(), "text/plain", text.toString());
    }

    /** Every figure of the experiment, as evidence under each criterion of the scenario. */
    private void record() {
        String id = result.experiment().id();
        double bound = result.experiment().maxRecovery().toMillis() / 1000.0;
        String conditions = "experiment " + id + " (chaos-experiments/" + id + ".json) on the " + result.target() + " target: " + result.faultDescription()
                + " for " + String.format("%.1f s", result.faultLength().toMillis() / 1000.0) + "; " + result.facts().getOrDefault("observed", "");
        var steady = result.experiment().steadyState();
        for (String criterion : criteriaOr("NFR-AVAIL-2")) {
            if (result.outcome() == ExperimentResult.Outcome.NOT_STEADY) {
                measure(criterion, id + ": error rate before the fault (steady state not met, nothing injected)", result.baselineErrorPercent(), "%",
                        Comparator.AT_MOST, steady.errorPercentAtMost(), conditions);
                continue;
            }
            if (result.mttrSeconds() != null) {
                measure(criterion, id + ": time to recover (MTTR, from the fault's start to the probe's first stable healthy stretch)",
                        result.mttrSeconds(), "s", Comparator.AT_MOST, bound, conditions);
            } else {
                measure(criterion, id + ": time to recover (MTTR): not recovered within the time observed", result.observedSeconds(),
                        "s", Comparator.LESS_THAN, bound, conditions);
            }
            measure(criterion, id + ": error rate during the fault (" + result.failedRequests() + " of " + result.requests() + " requests, probe and load)",
                    result.errorPercent(), "%", Comparator.AT_MOST, steady.faultErrorPercentAtMost(), conditions);
            measure(criterion, id + ": p95 latency during the fault", result.p95Millis(), "ms", Comparator.LESS_THAN, steady.faultP95MillisBelow(), conditions);
            measure(criterion, id + ": acknowledged writes lost (of " + result.acknowledgedWrites() + " acknowledged)", result.lostWrites(), "writes",
                    Comparator.AT_MOST, (double) steady.lostWritesAtMost(), conditions);
            measure(criterion, id + ": resilience score (40 availability + 30 recovery + 20 latency + 10 containment)", result.score(), "/100",
                    Comparator.AT_LEAST, null, conditions);
            if (result.facts().containsKey("FIS experiment id")) {
                Map<String, String> facts = result.facts();
                measure(criterion, id + ": FIS experiment " + facts.get("FIS experiment id") + " of template " + facts.get("FIS experiment template id")
                                + " ended " + facts.get("FIS final state") + " (states: " + facts.getOrDefault("FIS states", "") + ")",
                        result.checks().stream().filter(c -> c.name().equals("the fault was injected as declared")).allMatch(HypothesisCheck::held) ? 1 : 0,
                        "", Comparator.EQUAL_TO, 1.0, conditions);
            }
        }
    }

    private Evidence measure(String criterion, String metric, double value, String unit, Comparator comparator, Double threshold, String conditions) {
        return context.run().evidence().measured(criterion, metric, value, unit, comparator, threshold, result.target(), conditions, context.scenarioName());
    }

    private List<String> criteriaOr(String fallback) {
        return criteria.isEmpty() ? List.of(fallback) : criteria;
    }

    @Then("its steady-state hypothesis held")
    public void itsHypothesisHeld() {
        assertThat(result).as("an experiment has run").isNotNull();
        List<String> broken = new ArrayList<>(result.broken().stream().map(HypothesisCheck::describe).toList());
        assertThat(broken).as("experiment %s on %s: the hypothesis \"%s\" broke (%s)", result.experiment().id(), result.target(),
                result.experiment().steadyState().hypothesis(), result.summary()).isEmpty();
    }

    // ------------------------------------------------------------------ staging pre-flight

    @Then("every experiment's FIS template passes the guard rails")
    public void everyTemplatePassesTheGuardRails() {
        if (!"staging".equals(Targets.selectedName())) {
            throw new TestAbortedException("the FIS templates' guard rails are checked against staging only (-Dtarget=staging); "
                    + "FisChaosDriverTest checks them against stubs of the FIS API");
        }
        GameDay day = context.run().gameDay();
        List<String> refused = new ArrayList<>();
        int checked = 0;
        for (Experiment experiment : day.catalogue().all()) {
            if (experiment.fis() == null || !GameDay.selected(experiment.id())) {
                continue;
            }
            checked++;
            try {
                day.driver().prepare(experiment);
                context.run().evidence().measured(criteriaOr("NFR-AVAIL-2").getFirst(), experiment.id() + ": FIS template passes the guard rails ("
                                + FisGuardrails.OPT_IN_TAG + " targets, stop-condition alarms in OK)", 1, "", Comparator.EQUAL_TO, 1.0,
                        day.driver().target(), "pre-flight of the game day", context.scenarioName());
            } catch (RuntimeException e) {
                refused.add(experiment.id() + ": " + e.getMessage());
            }
        }
        assertThat(checked).as("experiments with an FIS template").isPositive();
        assertThat(refused).as("experiments refused by their guard rails").isEmpty();
    }

    // ------------------------------------------------------------------ the end of the game day

    @When("the game day ends")
    public void theGameDayEnds() {
        summary = context.run().endGameDay().orElseThrow(() -> new AssertionError("no game day ran in this run"));
        Allure.addAttachment("game day report", "text/markdown", org.faithbot.verification.chaos.GameDayReport.markdown(
                Targets.selectedName(), java.time.Instant.now(), summary.loadConditions(), summary.results()));
    }

    @Then("at least {int} experiments ran under load, each reporting its MTTR, its error rate during the fault and its lost writes")
    public void atLeastExperimentsRan(int minimum) {
        List<ExperimentResult> ran = summary.results().stream().filter(r -> r.faultStart() != null).toList();
        String target = Targets.selectedName();
        String conditions = "game day on the " + target + " target; background load: " + summary.loadConditions()
                + (summary.load() == null ? "" : "; Gatling report " + Targets.projectRoot().relativize(summary.load().reportDirectory().resolve("index.html")));
        for (String criterion : criteriaOr("NFR-AVAIL-2")) {
            context.run().evidence().measured(criterion, "experiments run under load in this game day (" + ran.stream().map(r -> r.experiment().id()).toList() + ")",
                    ran.size(), "experiments", Comparator.AT_LEAST, GameDay.allSelected() ? (double) minimum : null, target, conditions, context.scenarioName());
            double longest = ran.stream().map(ExperimentResult::mttrSeconds).mapToDouble(m -> m == null ? Double.POSITIVE_INFINITY : m).max().orElse(0);
            context.run().evidence().measured(criterion, "longest MTTR of the game day's experiments (NFR: MTTR < 30 min)", longest, "s",
                    Comparator.LESS_THAN, 1800.0, target, conditions, context.scenarioName());
            context.run().evidence().measured(criterion, "acknowledged writes lost over the game day", ran.stream().mapToInt(ExperimentResult::lostWrites).sum(),
                    "writes", Comparator.EQUAL_TO, 0.0, target, conditions, context.scenarioName());
            LoadRun load = summary.load();
            if (load != null) {
                context.run().evidence().measured(criterion, "background load over the whole game day, faults included: failed requests ("
                                + load.stats().global().ko() + " of " + load.stats().global().total() + ")",
                        load.stats().global().errorPercent(), "%", Comparator.AT_MOST, null, target, conditions, context.scenarioName());
            }
        }
        if (GameDay.allSelected()) {
            assertThat(ran.size()).as("experiments run under load in this game day").isGreaterThanOrEqualTo(minimum);
        }
        assertThat(ran).allSatisfy(r -> {
            assertThat(r.mttrSeconds()).as("%s recovered (MTTR measured)", r.experiment().id()).isNotNull();
            assertThat(r.lostWrites()).as("%s: acknowledged writes lost", r.experiment().id()).isZero();
        });
        if (summary.load() == null && !"local".equals(target) && ran.isEmpty()) {
            throw new TestAbortedException("no experiment ran");
        }
    }
}
