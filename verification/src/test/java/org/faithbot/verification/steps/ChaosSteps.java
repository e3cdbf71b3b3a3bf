package org.faithbot.verification.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.chaos.Alerting;
import org.faithbot.verification.chaos.Experiment;
import org.faithbot.verification.chaos.ExperimentFigures;
import org.faithbot.verification.chaos.ExperimentResult;
import org.faithbot.verification.chaos.GameDay;
import org.faithbot.verification.chaos.GameDayReport;
import org.faithbot.verification.chaos.HypothesisCheck;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.local.LocalTarget;
import org.opentest4j.TestAbortedException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of the fault-injection experiments (the game day): each experiment of chaos-experiments/
 * is run by the chaos engine with the target's driver (real local faults, or AWS FIS in staging)
 * under the game day's background load; its figures are recorded as evidence under the scenario's
 * criteria, and its hypothesis is judged part by part.
 */
public class ChaosSteps {

    private final ScenarioContext context;
    private ExperimentResult result;
    private List<Evidence> recorded = List.of();
    private GameDay.Summary summary;

    public ChaosSteps(ScenarioContext context) {
        this.context = context;
    }

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

    @When("the experiment {string} is run with its alert rule {string} removed, its page awaited for {int} seconds")
    public void theExperimentIsRunWithoutItsAlertRule(String id, String rule, int seconds) throws Exception {
        if (!context.target().local()) {
            throw new TestAbortedException("the alerting rules removed here are the local target's Prometheus's");
        }
        Experiment experiment = experiment(id);
        Alerting alerting = experiment.alerting();
        assertThat(alerting).as("%s declares its alerting", id).isNotNull();
        try (AutoCloseable removed = LocalTarget.of(context.target()).monitoring().withoutRule(rule)) {
            run(experiment.withAlerting(alerting.within(Duration.ofSeconds(seconds))));
        }
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
        Allure.addAttachment("experiment " + result.experiment().id(), "text/plain", ExperimentFigures.describe(result));
        switch (result.outcome()) {
            case NOT_RUNNABLE -> throw new TestAbortedException("experiment " + experiment.id() + " is not runnable on the "
                    + result.target() + " target yet, so it is reported as not run (never as passed): " + result.notRunReason());
            case REFUSED -> throw new AssertionError(result.notRunReason());
            default -> recorded = record("chaos.experiment", ExperimentFigures.of(result));
        }
    }

    @Then("its steady-state hypothesis held")
    public void itsHypothesisHeld() {
        assertThat(result).as("an experiment has run").isNotNull();
        List<String> broken = result.broken().stream().map(HypothesisCheck::describe).toList();
        assertThat(broken).as("experiment %s on %s: the hypothesis \"%s\" broke (%s)", result.experiment().id(), result.target(),
                result.experiment().steadyState().hypothesis(), result.summary()).isEmpty();
        EvidenceRecorder.requireMet(recorded);
    }

    // ------------------------------------------------------------------ staging pre-flight

    @Then("every experiment's FIS template passes the guard rails")
    public void everyTemplatePassesTheGuardRails() {
        if (!"staging".equals(context.run().targetName())) {
            throw new TestAbortedException("the FIS templates' guard rails are checked against staging only (-Dtarget=staging); "
                    + "FisChaosDriverTest checks them against stubs of the FIS API");
        }
        GameDay.Preflight preflight = context.run().gameDay().preflight();
        List<Evidence> evidence = record("chaos.guard-rails", ExperimentFigures.ofPreflight(preflight));
        assertThat(preflight.passed().size() + preflight.refused().size()).as("experiments with an FIS template").isPositive();
        assertThat(preflight.refused()).as("experiments refused by their guard rails").isEmpty();
        EvidenceRecorder.requireMet(evidence);
    }

    // ------------------------------------------------------------------ detection

    @Then("every experiment so far paged the alerts it expects within its bound, each acknowledged by the on-call, and no other alert paged")
    public void everyExperimentPagedWhatItExpects() {
        List<ExperimentResult> watched = context.run().gameDay().results().stream().filter(r -> r.incident() != null).toList();
        if (watched.isEmpty()) {
            throw new TestAbortedException("no experiment of this game day was watched by the monitoring (on staging the alarms' history is not read yet)");
        }
        String conditions = "game day on the " + context.run().targetName() + " target, " + watched.size() + " experiments watched: "
                + watched.getFirst().incident().monitoredBy();
        List<Evidence> evidence = record("chaos.detection", ExperimentFigures.ofDetection(watched, conditions));
        Allure.addAttachment("incident timelines", "text/plain", String.join("\n\n", watched.stream()
                .map(r -> r.experiment().id() + " (fault " + r.faultStart() + " to " + r.faultEnd() + ")\n  " + String.join("\n  ", r.incident().events()))
                .toList()));
        assertThat(watched.stream().flatMap(r -> r.incident().missed().stream().map(a -> r.experiment().id() + ": no alert " + a)).toList())
                .as("expected alerts that never paged").isEmpty();
        assertThat(watched.stream().flatMap(r -> r.incident().unexpected().stream().map(p -> r.experiment().id() + ": " + p.alert())).toList())
                .as("alerts paged that the experiments do not expect").isEmpty();
        EvidenceRecorder.requireMet(evidence);
    }

    // ------------------------------------------------------------------ the end of the game day

    @When("the game day ends")
    public void theGameDayEnds() {
        summary = context.run().endGameDay().orElseThrow(() -> new AssertionError("no game day ran in this run"));
        Allure.addAttachment("game day report", "text/markdown", GameDayReport.markdown(context.run().targetName(), Instant.now(),
                summary.loadConditions(), summary.results()));
        if (summary.dashboard() != null) {
            try (InputStream picture = Files.newInputStream(summary.dashboard())) {
                Allure.addAttachment("operations dashboard over the game day", "image/png", picture, "png");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot attach " + summary.dashboard(), e);
            }
        }
    }

    @Then("at least {int} experiments ran under load, each reporting its MTTR, its error rate during the fault and its lost writes")
    public void atLeastExperimentsRan(int minimum) {
        List<ExperimentResult> ran = summary.results().stream().filter(r -> r.faultStart() != null).toList();
        String target = context.run().targetName();
        String conditions = "game day on the " + target + " target; background load: " + summary.loadConditions() + (summary.load() == null
                ? "" : "; Gatling report " + context.run().projectRoot().relativize(summary.load().reportDirectory().resolve("index.html")));
        List<Evidence> evidence = record("chaos.game-day", ExperimentFigures.ofGameDay(summary, ran, GameDay.allSelected() ? minimum : null,
                conditions));
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
        if (context.target().local() && summary.load() != null) {
            assertThat(summary.dashboard()).as("the operations dashboard drawn over the game day (reports/chaos/operations-dashboard.png)").isNotNull();
        }
        EvidenceRecorder.requireMet(evidence); // the longest MTTR against the requirement's 30 minutes among them
    }

    private List<Evidence> record(String key, List<Figure> figures) {
        List<Evidence> records = new ArrayList<>();
        figures.forEach(figure -> records.addAll(context.evidence().record(key, figure)));
        return records;
    }
}
