package org.faithbot.verification.steps;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.deployment.Release;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.http.ServiceClient;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ServiceInstance;
import org.faithbot.verification.security.RawHttpClient;
import org.faithbot.verification.security.ResponseClasses;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Steps of OWASP A05's response classes: a failing release started beside the serving instances (the 5xx), and a
 * request of each kind of answer sent to each instance, judged on the promised headers and bodies.
 */
public class ResponseClassSteps {

    private static final String CLASSES = "security.owasp-response-classes";
    private static final String FAILING = "a05-failing";
    private static final long START_MILLIS = 120_000;

    private final ScenarioContext context;
    private ServiceInstance failing;
    private List<ResponseClasses.Answered> answers;

    public ResponseClassSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("an instance of a release whose every chat fails and whose readiness never comes up, beside the serving instances")
    public void aFailingRelease() {
        LocalTarget target = LocalTarget.of(context.target());
        failing = target.startInstance(FAILING, Map.of(Release.CHAT_FAILURE_RATIO, "1.0", Release.READINESS_DOWN, "true"));
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (ServiceClient.liveness(failing.url()) != 200) {
            if (!failing.process().isAlive() || System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the failing release's instance did not come up live:\n" + failing.process().logTail(30));
            }
            sleep(250);
        }
    }

    @When("a request of every class of answer is sent to every serving instance, and the failing release's to it")
    public void sendEveryClass() {
        LocalTarget target = LocalTarget.of(context.target());
        List<ServiceInstance> serving = target.instances().stream().filter(i -> !i.name().equals(FAILING) && i.readinessStatus() == 200).toList();
        String bearer = "Authorization: Bearer " + context.target().tokens().tokenFor(TestUser.fresh("classes"));
        List<ResponseClasses.Probe> probes = ResponseClasses.probes(bearer, pageEtag(serving.getFirst().url()));
        answers = new ArrayList<>();
        for (ServiceInstance instance : serving) {
            answers.addAll(ResponseClasses.send(instance.url(), probes.stream().filter(p -> !p.toFailingRelease()).toList()));
        }
        answers.addAll(ResponseClasses.send(failing.url(), probes.stream().filter(ResponseClasses.Probe::toFailingRelease).toList()));
        target.retireInstance(FAILING);
        failing = null;
        Allure.addAttachment("every class of answer", "text/plain", String.join("\n", answers.stream().map(ResponseClasses.Answered::describe).toList()), ".txt");
    }

    @Then("every class of answer, 2xx, 3xx, 4xx and 5xx, came back where expected")
    public void everyClassSeen() {
        Set<Integer> seen = ResponseClasses.classesSeen(answers);
        List<ResponseClasses.Answered> elsewhere = answers.stream().filter(a -> !a.inExpectedClass()).toList();
        context.evidence().require(CLASSES,
                Figure.of("classes of answer seen of 2xx, 3xx, 4xx and 5xx " + seen, seen.stream().filter(c -> c >= 2 && c <= 5).count(), "classes")
                        .equalTo(4).when(answers.size() + " answers"),
                Figure.of("answers outside the class their request asks for", elsewhere.size(), "answers").equalTo(0)
                        .when(answers.size() + " answers" + describe(elsewhere)));
    }

    @Then("every answer of every class carries the promised headers and a clean body, and every refusal is a problem with its reason")
    public void everyAnswerAsPromised() {
        List<ResponseClasses.Answered> lacking = answers.stream().filter(a -> !a.lacks().isEmpty()).toList();
        context.evidence().require(CLASSES, Figure.of("answers lacking a promised header, a clean body or a problem", lacking.size(), "answers")
                .equalTo(0).when(answers.size() + " answers of classes " + ResponseClasses.classesSeen(answers) + " from every serving instance "
                        + "and the failing release's" + describe(lacking)));
    }

    @After("@owasp")
    public void retireFailing() {
        if (failing != null) {
            LocalTarget.of(context.target()).retireInstance(FAILING);
            failing = null;
        }
    }

    private static String pageEtag(String instanceUrl) {
        try {
            String etag = new RawHttpClient(instanceUrl).send("GET / HTTP/1.1", null, null).header("ETag");
            if (etag == null) {
                throw new IllegalStateException("the page at " + instanceUrl + " came without an ETag: no revalidation (3xx) to ask for");
            }
            return etag;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String describe(List<ResponseClasses.Answered> answers) {
        return answers.isEmpty() ? "" : "\n" + String.join("\n", answers.stream().map(ResponseClasses.Answered::describe).toList());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
