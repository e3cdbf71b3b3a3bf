package org.faithbot.verification.steps;

import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.http.ServiceApi;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.privacy.LogSweep;
import org.faithbot.verification.privacy.PersonalDataSweep;
import org.faithbot.verification.privacy.Trace;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of the privacy rights: export (GDPR Art. 15/20) and erasure (Art. 17), checked in the service and in the data store. */
public class PrivacySteps {

    private final ScenarioContext context;
    private JsonPath export;
    private Response erasure;

    public PrivacySteps(ScenarioContext context) {
        this.context = context;
    }

    @When("(s)he exports her/his data")
    public void exportsData() {
        Response response = context.api().export(context.token());
        assertThat(response.statusCode()).as("export: %s", response.asString()).isEqualTo(200);
        export = response.jsonPath();
    }

    @Then("the export holds her/his profile and all {int} messages of her/his conversation")
    public void exportHoldsEverything(int messages) {
        TestUser user = context.user();
        assertThat(export.getString("userId")).isEqualTo(user.id());
        assertThat(export.getString("profile.userId")).isEqualTo(user.id());
        assertThat(export.getString("profile.email")).isEqualTo(user.email());
        List<Map<String, Object>> exported = export.getList("messages");
        assertThat(exported).as("exported messages").hasSize(messages);
        assertThat(exported).allSatisfy(m -> assertThat(m.get("userId")).isEqualTo(user.id()));
        List<Object> userTexts = exported.stream().filter(m -> "user".equals(m.get("role"))).map(m -> m.get("text")).toList();
        assertThat(userTexts).as("the user's own messages in the export").containsExactlyInAnyOrderElementsOf(context.sentMessages());
        assertThat(exported.stream().filter(m -> "assistant".equals(m.get("role"))).count())
                .as("the replies in the export").isEqualTo(messages - context.sentMessages().size());
    }

    @When("(s)he asks for all her/his data to be erased")
    public void asksForErasure() {
        erasure = context.api().erase(context.token());
    }

    @Then("the service confirms the erasure of her/his profile and her/his {int} messages")
    public void serviceConfirmsErasure(int messages) {
        assertThat(erasure.statusCode()).as("erasure: %s", erasure.asString()).isEqualTo(200);
        assertThat(erasure.jsonPath().getString("userId")).isEqualTo(context.user().id());
        assertThat(erasure.jsonPath().getInt("deleted.users")).as("profiles erased").isEqualTo(1);
        assertThat(erasure.jsonPath().getInt("deleted.messages")).as("messages erased").isEqualTo(messages);
    }

    @Then("her/his export is empty")
    public void exportIsEmpty() {
        exportsData();
        assertThat(export.getString("profile")).as("profile after erasure").isNull();
        assertThat(export.getList("messages")).as("messages after erasure").isEmpty();
    }

    @Then("no item in any table of the data store holds any trace of her/him")
    public void noTraceInAnyTable() {
        TestUser user = context.user();
        Set<String> fragments = new LinkedHashSet<>(List.of(user.id(), user.email(), user.name()));
        fragments.addAll(context.sentMessages());
        PersonalDataSweep.Result sweep = new PersonalDataSweep(context.target().dynamoDb(), context.target().tablePrefix()).sweep(fragments);
        assertThat(sweep.tables()).as("the service's tables on the target").isNotEmpty();
        List<Evidence> evidence = context.evidence().record("privacy.erasure", Figure.of("attributes of the erased user left in the data store",
                sweep.traces().size(), "attributes").equalTo(0).when("read directly: " + sweep.tables().size() + " tables " + sweep.tables()
                + ", " + sweep.itemsRead() + " items"));
        assertThat(evidence.stream().allMatch(Evidence::passed))
                .as("traces of the erased user remain:%n  %s", sweep.traces().stream().map(Trace::toString).collect(Collectors.joining("\n  ")))
                .isTrue();
    }

    @Then("each of her/his requests is in the access log of the instance that served it, under its request id")
    public void requestsAreLogged() {
        List<ServiceApi.Exchange> requests = context.api().exchanges();
        LogSweep logs = LogSweep.read(instanceLogs());
        List<String> missing = requests.stream()
                .filter(r -> r.requestId() == null || r.servedBy() == null || !logs.logged(r.servedBy(), r.requestId(), r.method(), r.path()))
                .map(r -> r.method() + " " + r.path() + " (request id " + r.requestId() + ", served by " + r.servedBy() + ")").toList();
        assertThat(requests).as("the user's requests").isNotEmpty();
        List<Evidence> evidence = context.evidence().record("privacy.logs", Figure.of("requests of the user missing from the access log of the "
                + "instance that served them", missing.size(), "requests").equalTo(0).when(requests.size() + " requests ("
                + requests.stream().map(r -> r.method() + " " + r.path()).distinct().toList()
                + "), each looked up by its X-Request-Id in the log named by its X-Served-By"));
        assertThat(evidence.stream().allMatch(Evidence::passed)).as("requests missing from the access log: %s", missing).isTrue();
    }

    @Then("no line of any service instance's log holds her/his e-mail address, name, user id or any of her/his messages")
    public void noPersonalDataInLogs() {
        TestUser user = context.user();
        Set<String> fragments = new LinkedHashSet<>(List.of(user.id(), user.email(), user.name()));
        fragments.addAll(context.sentMessages());
        LogSweep.Result result = LogSweep.read(instanceLogs()).traces(fragments);
        List<Evidence> evidence = context.evidence().record("privacy.logs", Figure.of("log lines holding personal data of the user",
                result.traces().size(), "lines").equalTo(0).when("read " + result.lines() + " lines of the logs of " + result.linesRead().keySet()
                + " for the user's id, e-mail, name and " + context.sentMessages().size() + " messages"));
        assertThat(evidence.stream().allMatch(Evidence::passed)).as("personal data in the logs:%n  %s",
                result.traces().stream().limit(20).map(LogSweep.LogTrace::toString).collect(Collectors.joining("\n  "))).isTrue();
    }

    private Map<String, Path> instanceLogs() {
        Map<String, Path> logs = new LinkedHashMap<>();
        LocalTarget.of(context.target()).instances().forEach(i -> logs.put(i.name(), i.process().logFile()));
        return logs;
    }
}
