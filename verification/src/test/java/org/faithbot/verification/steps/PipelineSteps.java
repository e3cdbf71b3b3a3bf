package org.faithbot.verification.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.local.ServiceInstance;
import org.faithbot.verification.policy.Actionlint;
import org.faithbot.verification.policy.PolicyEvidence;
import org.faithbot.verification.policy.PolicyInputs;
import org.faithbot.verification.policy.Workflows;
import org.faithbot.verification.security.ServiceSbom;
import org.faithbot.verification.target.Targets;
import org.opentest4j.TestAbortedException;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pipeline specs (features/pipelines.feature): the workflows, composite actions and scripts
 * read as data and held against the policy rules, and actionlint. Target-independent: this class
 * never touches the ScenarioContext (whose construction starts the local target).
 */
public class PipelineSteps {

    private final ScenarioContext context;
    private PolicyInputs inputs;
    private Map<String, List<Actionlint.Finding>> lint;

    public PipelineSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("the repository's workflows, composite actions and scripts, read as data")
    public void workflowsReadAsData() {
        inputs = PolicyInputs.of(Targets.projectRoot());
        Workflows workflows = inputs.workflows();
        Allure.addAttachment("Workflows read as data", "text/plain", workflows.all().size() + " workflows, " + workflows.actions().size()
                + " composite action(s), " + workflows.scripts().size() + " scripts under .github/", ".txt");
    }

    @Then("the pipelines hold to these rules of {word}:")
    public void holdToRules(String criterion, DataTable rules) {
        InfrastructureSteps.assertRulesHold(inputs == null ? PolicyInputs.of(Targets.projectRoot()) : inputs, criterion, rules, context.evidence());
    }

    @Then("the service jar carries a CycloneDX SBOM that lists every library the jar ships")
    public void serviceSbomListsEveryLibrary() {
        ServiceSbom sbom = ServiceSbom.of(ServiceInstance.jar(Targets.projectRoot()));
        Allure.addAttachment("SBOM of the service jar", "text/plain", sbom.location() + ": " + sbom.format() + ", " + sbom.components()
                + " components; " + sbom.libraries().size() + " libraries in the jar; unlisted: " + sbom.unlisted(), ".txt");
        context.evidence().record("security.sbom-libraries", Figure.of("libraries of the service jar the SBOM does not list", sbom.unlisted().size(), "libraries")
                .equalTo(0).when(sbom.format() + " at " + sbom.location() + ": " + sbom.components() + " components for " + sbom.libraries().size()
                        + " libraries in BOOT-INF/lib"));
        assertThat(sbom.format()).as("SBOM format").startsWith("CycloneDX");
        assertThat(sbom.libraries()).as("libraries in the jar").isNotEmpty();
        assertThat(sbom.unlisted()).as("libraries the SBOM does not list").isEmpty();
    }

    @Then("the scan of the image and the SBOM against the vulnerability budget is left to GitHub Actions")
    public void vulnerabilityScanLeftToGitHub() {
        throw new TestAbortedException("Trivy's scan of the image and of the SBOM runs in Application CI (vulnerability-budget.sh: 0 critical, "
                + "fewer than 5 medium) and the pushed image's in Application CD: not run on this machine, so SKIPPED here, never passed");
    }

    @When("actionlint lints every workflow")
    public void actionlintLints() {
        lint = Actionlint.lint(Targets.projectRoot(), Targets.projectRoot());
    }

    @Then("actionlint reports no finding in any of them")
    public void actionlintReportsNothing() {
        String report = lint.entrySet().stream()
                .map(e -> e.getKey() + ": " + (e.getValue().isEmpty() ? "no finding"
                        : e.getValue().stream().map(Actionlint.Finding::describe).collect(Collectors.joining("\n  ", "\n  ", ""))))
                .collect(Collectors.joining("\n"));
        for (Map.Entry<String, List<Actionlint.Finding>> file : lint.entrySet()) {
            // a workflow's lint result is evidence for its main purpose: criteria.yaml routes pipeline.actionlint.<workflow>
            String key = "pipeline.actionlint." + file.getKey().substring(file.getKey().lastIndexOf('/') + 1).replaceFirst("\\.ya?ml$", "");
            if (context.run().catalogue().figures().routeOf(key).isPresent()) {
                PolicyEvidence.record(context.evidence(), key, Actionlint.VERSION + " finds nothing in " + file.getKey() + " [rule actionlint]",
                        file.getValue().isEmpty(), report);
            }
        }
        assertThat(lint).as("workflows linted").isNotEmpty();
        assertThat(lint.values().stream().flatMap(List::stream).map(Actionlint.Finding::describe).toList())
                .as("actionlint findings (%s)", Actionlint.VERSION).isEmpty();
    }
}
