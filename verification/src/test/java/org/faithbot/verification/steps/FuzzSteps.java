package org.faithbot.verification.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ServiceInstance;
import org.faithbot.verification.privacy.LogSweep;
import org.faithbot.verification.security.ApiDescription;
import org.faithbot.verification.security.FuzzBudget;
import org.faithbot.verification.security.FuzzRun;
import org.faithbot.verification.security.HostileAnswers;
import org.faithbot.verification.security.RequestFuzzer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of the fuzz spec: the service's OpenAPI description read from an instance, seeded mutations of its valid
 * requests sent to every instance ({@link FuzzRun}), and what the answers and the logs show, judged by the checks of
 * the hostile-input spec ({@link HostileAnswers}). The instances' readiness afterwards: HostileInputSteps.
 */
public class FuzzSteps {

    /** Members the requests are spread over: the per-member rate limit (600 a minute on each instance) is not the subject here. */
    private static final int MEMBERS = 200;

    private final ScenarioContext context;
    private ApiDescription description;
    private FuzzBudget budget;
    private String marker;
    private FuzzRun.Outcome outcome;

    public FuzzSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("the service's OpenAPI description, as an instance serves it")
    public void theDescription() {
        ServiceInstance first = LocalTarget.of(context.target()).instances().getFirst();
        description = ApiDescription.fetch(first.url());
        Allure.addAttachment("operations of the OpenAPI description", "text/plain",
                String.join("\n", description.operations().stream().map(ApiDescription.Operation::describe).toList()));
        assertThat(description.operations()).as("operations in " + first.url() + ApiDescription.PATH).isNotEmpty();
    }

    @When("the fuzzer sends its seeded mutations of the description's valid requests to every service instance")
    public void fuzz() {
        budget = FuzzBudget.current();
        marker = "fz" + Long.toHexString(budget.seed());
        System.out.println("fuzz spec: seed " + budget.seed() + ", " + budget.requests() + " requests (reproduce: " + budget.reproduction() + ")");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            tokens.add(context.target().tokens().tokenFor(TestUser.fresh("Fuzz"), i % 4 == 0 ? "chat prayer-team moderator support" : "chat"));
        }
        RequestFuzzer fuzzer = new RequestFuzzer(description, tokens, budget.seed(), marker);
        List<String> urls = LocalTarget.of(context.target()).instances().stream().map(ServiceInstance::url).toList();
        outcome = FuzzRun.run(urls, fuzzer, budget);
        System.out.println("fuzz spec: " + outcome.conditions() + "\n" + outcome.tally().describe());
        Allure.addAttachment("fuzzed requests and their answers", "text/plain", outcome.conditions() + "\n" + outcome.tally().describe());
        context.evidence().record("security.fuzz-throughput", Figure.of("fuzzed requests answered per second",
                Math.round(outcome.requestsPerSecond()), "requests/s").when(outcome.conditions()));
        context.evidence().record("security.fuzz-rate-limited", Figure.of("fuzzed requests answered 429 (a problem body: a valid answer)",
                outcome.tally().withStatus(429), "requests").when(outcome.conditions()));
    }

    @Then("the fuzzer sent its whole budget of requests")
    public void sentTheBudget() {
        context.evidence().require("security.fuzz-requests", Figure.of("fuzzed requests sent (seed " + budget.seed() + ")",
                outcome.tally().sent(), "requests").atLeast(budget.requests()).when(outcome.conditions()));
    }

    @Then("no fuzzed request was answered with a server error, or not at all")
    public void noServerError() {
        context.evidence().require("security.fuzz-5xx", Figure.of("fuzzed requests answered 5xx or not at all",
                outcome.tally().serverErrors(), "requests").equalTo(0).when(conditions()));
    }

    @Then("no answer to a fuzzed request holds a stack trace or a class name")
    public void noStackTrace() {
        context.evidence().require("security.fuzz-leaks", Figure.of("answers to fuzzed requests with a stack trace or a class name",
                outcome.tally().leakingBodies(), "responses").equalTo(0).when(conditions()));
    }

    @Then("every answer to a fuzzed request carries the promised headers")
    public void everyAnswerHasTheHeaders() {
        context.evidence().require("security.fuzz-headers", Figure.of("answers to fuzzed requests missing a promised header "
                + HostileAnswers.PROMISED_HEADERS.stream().sorted().toList(), outcome.tally().missingHeaders(), "responses").equalTo(0)
                .when(conditions()));
    }

    @Then("every refusal of a fuzzed request is a problem with its reason")
    public void everyRefusalIsAProblem() {
        context.evidence().require("security.fuzz-problems",
                Figure.of("4xx answers to fuzzed /api/ requests without a problem body and its reason",
                        outcome.tally().apiRefusalsWithoutProblem(), "responses").equalTo(0).when(conditions()),
                Figure.of("4xx answers to fuzzed requests off /api/ without a problem body and its reason",
                        outcome.tally().otherRefusalsWithoutProblem(), "responses").equalTo(0).when(conditions()));
    }

    @Then("no line of any instance's log holds the fuzzed texts")
    public void noLogHoldsTheFuzzedTexts() {
        Map<String, Path> logs = new LinkedHashMap<>();
        LocalTarget.of(context.target()).instances().forEach(i -> logs.put(i.name(), i.process().logFile()));
        LogSweep.Result sweep = LogSweep.read(logs).traces(Set.of(marker));
        List<Evidence> recorded = context.evidence().record("security.fuzz-log", Figure.of("log lines holding the fuzzed requests' text",
                sweep.traces().size(), "lines").equalTo(0).when(sweep.lines() + " lines of " + logs.keySet() + " read for the marker "
                + marker + " every fuzzed text carried; " + sweep.traces().stream().limit(5).map(Object::toString).toList()));
        EvidenceRecorder.requireMet(recorded);
    }

    private String conditions() {
        return outcome.conditions() + "\n" + outcome.tally().describe();
    }
}
