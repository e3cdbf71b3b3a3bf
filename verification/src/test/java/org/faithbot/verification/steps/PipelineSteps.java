package org.faithbot.verification.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.policy.Actionlint;
import org.faithbot.verification.policy.PolicyEvidence;
import org.faithbot.verification.policy.PolicyInputs;
import org.faithbot.verification.policy.Workflows;
import org.faithbot.verification.target.Targets;

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
