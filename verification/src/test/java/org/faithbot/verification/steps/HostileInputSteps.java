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
import org.faithbot.verification.security.HostileAnswers;
import org.faithbot.verification.security.HostileRequest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of the hostile-input spec: the catalogue of {@link HostileRequest}s sent byte for byte to every service
 * instance (the service's own answers, which its promises are about) and through the balancer, and what the answers
 * and the instances' logs show.
 */
public class HostileInputSteps {

    private final ScenarioContext context;
    private List<HostileRequest> catalogue;
    private String marker;
    private final List<HostileAnswers> atInstances = new ArrayList<>();
    private HostileAnswers atBalancer;

    public HostileInputSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("the catalogue of hostile requests, each carrying a text of its own")
    public void theCatalogue() {
        marker = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        String bearer = "Authorization: Bearer " + context.target().tokens().tokenFor(TestUser.fresh("Mallory"));
        catalogue = HostileRequest.catalogue(bearer, marker);
    }

    @When("each is sent byte for byte to every service instance and through the balancer")
    public void sendEach() {
        for (ServiceInstance instance : LocalTarget.of(context.target()).instances()) {
            atInstances.add(HostileAnswers.send(instance.url(), catalogue));
        }
        atBalancer = HostileAnswers.send(context.target().baseUrl(), catalogue);
        Allure.addAttachment("hostile requests and their answers", "text/plain",
                String.join("\n\n", atInstances.stream().map(HostileAnswers::describe).toList()) + "\n\nthrough the balancer " + atBalancer.describe());
    }

    @Then("no instance answered one with a server error, nor did the balancer")
    public void noServerError() {
        List<Evidence> recorded = new ArrayList<>();
        recorded.addAll(context.evidence().record("security.hostile-input", Figure.of("hostile requests the service instances answered 5xx "
                + "(or not at all)", atInstances.stream().mapToLong(HostileAnswers::serverErrors).sum(), "requests").equalTo(0)
                .when(conditions())));
        recorded.addAll(context.evidence().record("security.hostile-input", Figure.of("hostile requests the balancer answered 5xx (or not at "
                + "all)", atBalancer.serverErrors(), "requests").equalTo(0).when(atBalancer.describe())));
        EvidenceRecorder.requireMet(recorded);
    }

    @Then("every refusal by an instance is a problem with a reason, free of stack traces and class names")
    public void everyRefusalIsAProblem() {
        context.evidence().require("security.hostile-input",
                Figure.of("refusals by the instances without a problem body and its reason", atInstances.stream()
                        .mapToLong(HostileAnswers::refusalsWithoutProblem).sum(), "responses").equalTo(0).when(conditions()),
                Figure.of("answers by the instances with a stack trace or a class name", atInstances.stream()
                        .mapToLong(HostileAnswers::leakingBodies).sum(), "responses").equalTo(0).when(conditions()));
    }

    @Then("every answer of an instance carries the request id, the instance headers and the security headers")
    public void everyAnswerHasTheHeaders() {
        context.evidence().require("security.hostile-input", Figure.of("answers by the instances missing a promised header "
                + HostileAnswers.PROMISED_HEADERS.stream().sorted().toList(), atInstances.stream().mapToLong(HostileAnswers::missingHeaders).sum(),
                "responses").equalTo(0).when(conditions()));
    }

    @Then("no line of any instance's log holds the text the hostile requests carried")
    public void noLogHoldsTheirText() {
        Map<String, Path> logs = new LinkedHashMap<>();
        LocalTarget.of(context.target()).instances().forEach(i -> logs.put(i.name(), i.process().logFile()));
        LogSweep.Result sweep = LogSweep.read(logs).traces(Set.of(marker));
        List<Evidence> recorded = context.evidence().record("security.hostile-input", Figure.of("log lines holding what the hostile requests "
                + "sent", sweep.traces().size(), "lines").equalTo(0).when(sweep.lines() + " lines of " + logs.keySet() + " read for the "
                + "requests' own text"));
        assertThat(sweep.traces()).as("log lines holding the hostile requests' text").isEmpty();
        EvidenceRecorder.requireMet(recorded);
    }

    @Then("every instance is still ready")
    public void stillReady() {
        for (ServiceInstance instance : LocalTarget.of(context.target()).instances()) {
            assertThat(instance.readinessStatus()).as("readiness of " + instance.name()).isEqualTo(200);
        }
    }

    private String conditions() {
        return catalogue.size() + " requests to each of " + atInstances.size() + " instances, byte for byte over a socket:\n"
                + String.join("\n", atInstances.stream().map(HostileAnswers::describe).toList());
    }
}
