package org.faithbot.verification.steps;

import io.cucumber.java.en.Then;
import org.faithbot.verification.docs.AlarmPlaybookCheck;
import org.faithbot.verification.docs.LinkCheck;
import org.faithbot.verification.docs.MarkdownDocument;
import org.faithbot.verification.docs.PolicyRecordCheck;
import org.faithbot.verification.docs.ProcedureInventory;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.http.ServiceApi;
import org.faithbot.verification.privacy.RightsExercise;
import org.faithbot.verification.target.Targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps on the launch documents of docs/: the privacy policy against the system, the playbooks against the alarms, the inventory. */
public class LaunchDocumentationSteps {

    private final ScenarioContext context;

    public LaunchDocumentationSteps(ScenarioContext context) {
        this.context = context;
    }

    @Then("the privacy policy's record lists every table holding personal data with the retention the system keeps it")
    public void policyMatchesTheSystem() {
        PolicyRecordCheck.Result result = PolicyRecordCheck.check(Targets.projectRoot());
        long matching = result.retentions().stream().filter(PolicyRecordCheck.Comparison::matches).count();
        String compared = result.retentions().stream().map(c -> c.subject() + " " + c.policy() + (c.matches() ? " = " : " != ") + c.system())
                .collect(Collectors.joining("; "));
        context.evidence().record("docs.policy-retention", Figure.of("retention periods of the privacy policy equal to the system's", matching, "periods")
                .equalTo(result.retentions().size()).when(compared));
        context.evidence().checkedStatically("docs.policy-record", "the privacy policy's record (" + PolicyRecordCheck.POLICY + ") lists every table "
                + "holding personal data, the " + result.processorsRequired() + " processors the system uses, and the version consent is recorded against",
                result.passed());
        assertThat(result.problems()).as("differences between the privacy policy and the system").isEmpty();
        assertThat(result.retentions()).as("retention periods compared").isNotEmpty();
    }

    @Then("every right the policy's record lists works through the endpoint it names")
    public void rightsWork() {
        com.fasterxml.jackson.databind.JsonNode record = MarkdownDocument.read(Targets.projectRoot().resolve(PolicyRecordCheck.POLICY)).yamlBlock();
        List<java.util.Map.Entry<String, String>> rights = new java.util.ArrayList<>();
        record.path("rights").forEach(r -> rights.add(java.util.Map.entry(r.path("right").asText(), r.path("endpoint").asText())));
        assertThat(rights).as("rights in the record of " + PolicyRecordCheck.POLICY).isNotEmpty();
        List<RightsExercise.Exercised> exercised = RightsExercise.exercise(new ServiceApi(context.target().baseUrl(), false),
                context.target().tokens().tokenFor(TestUser.fresh("rights")), rights);
        long working = exercised.stream().filter(RightsExercise.Exercised::works).count();
        context.evidence().require("docs.policy-rights", Figure.of("rights of the privacy policy that work through their endpoint", working, "rights")
                .equalTo(rights.size()).when(exercised.stream().map(e -> e.right() + " (" + e.endpoint() + "): " + (e.works() ? "works" : "FAILS")
                        + ", " + e.shown()).collect(Collectors.joining("; "))));
    }

    @Then("every alarm of the Terraform links to a playbook section that exists, and the playbook states severity, roles, escalation and targets")
    public void alarmsLinkToPlaybooks() {
        AlarmPlaybookCheck.Result result = AlarmPlaybookCheck.check(Targets.projectRoot());
        context.evidence().record("docs.alarm-playbooks", Figure.of("alarms of the Terraform linked to an existing playbook section", result.linked(), "alarms")
                .equalTo(result.alarms().size()).when("alarm keys of " + AlarmPlaybookCheck.ALARMS + ": " + String.join(", ", result.alarms())));
        context.evidence().checkedStatically("docs.playbook-elements", AlarmPlaybookCheck.PLAYBOOK + " states severity levels, roles, an escalation path, "
                + "the 15-minute response and the 1-hour security targets", result.elementsMissing().isEmpty());
        assertThat(result.problems()).as("alarms without a playbook section").isEmpty();
        assertThat(result.elementsMissing()).as("what the playbook does not state").isEmpty();
    }

    @Then("every procedure the requirements name is documented")
    public void proceduresDocumented() {
        ProcedureInventory.Result result = ProcedureInventory.check(Targets.projectRoot());
        context.evidence().record("docs.procedures-documented", Figure.of("procedures documented", result.percent(), "%").rounded()
                .equalTo(100).when(result.documented() + " of " + result.procedures() + " procedures of " + ProcedureInventory.INVENTORY
                        + " map to an existing document section or sign-off item"));
        assertThat(result.undocumented()).as("procedures not documented").isEmpty();
        assertThat(result.procedures()).as("procedures in the inventory").isPositive();
    }

    @Then("every item of the requirements' launch-preparation lists is covered by a documented procedure or a sign-off item")
    public void preparationCovered() {
        ProcedureInventory.Result result = ProcedureInventory.check(Targets.projectRoot());
        context.evidence().require("docs.launch-preparation", Figure.of("launch-preparation items no procedure or sign-off covers", result.uncovered().size(), "items")
                .equalTo(0).when(result.items() + " items in the four lists of " + ProcedureInventory.PREPARATION + ", covered by the "
                        + result.documented() + " documented entries of " + ProcedureInventory.INVENTORY
                        + (result.uncovered().isEmpty() ? "" : "; not covered: " + result.uncovered())));
        assertThat(result.unknown()).as("items the inventory names that the launch-preparation lists do not have").isEmpty();
    }

    @Then("every relative link of every document resolves")
    public void linksResolve() {
        Path root = Targets.projectRoot();
        List<MarkdownDocument> documents;
        try (Stream<Path> files = Stream.concat(Files.walk(root.resolve("docs")), Stream.of(root.resolve("README.md"), root.resolve("terraform/README.md")))) {
            documents = files.filter(f -> f.toString().endsWith(".md")).map(MarkdownDocument::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LinkCheck.Result result = LinkCheck.check(root, documents);
        context.evidence().record("docs.links-resolve", Figure.of("broken relative links", result.broken().size(), "links")
                .equalTo(0).when(result.links() + " relative links in " + documents.size() + " documents (docs/, README.md, terraform/README.md)"));
        assertThat(result.broken()).as("relative links that do not resolve").isEmpty();
    }
}
