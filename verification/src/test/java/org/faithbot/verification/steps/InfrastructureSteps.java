package org.faithbot.verification.steps;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.policy.PolicyEvidence;
import org.faithbot.verification.policy.PolicyInputs;
import org.faithbot.verification.policy.RuleOutcome;
import org.faithbot.verification.policy.TerraformConfig;
import org.faithbot.verification.policy.TerraformFmt;
import org.faithbot.verification.target.Targets;
import org.opentest4j.TestAbortedException;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The infrastructure specs (features/infrastructure.feature): Terraform read as data and held
 * against the policy rules, and terraform fmt. Target-independent: this class never touches the
 * ScenarioContext (whose construction starts the local target).
 */
public class InfrastructureSteps {

    private final ScenarioContext context;
    private PolicyInputs inputs;
    private TerraformFmt.Result fmt;

    public InfrastructureSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("the repository's Terraform, read as data by HashiCorp's HCL parser")
    public void terraformReadAsData() {
        inputs = PolicyInputs.of(Targets.projectRoot());
        TerraformConfig terraform = inputs.terraform();
        Allure.addAttachment("Terraform read as data", "text/plain",
                terraform.fileCount() + " files under terraform/ parsed with @cdktf/hcl2json 0.21.0 (HashiCorp's HCL parser, WebAssembly)", ".txt");
    }

    @Then("the infrastructure holds to these rules of {word}:")
    public void holdsToRules(String criterion, DataTable rules) {
        assertRulesHold(inputs == null ? PolicyInputs.of(Targets.projectRoot()) : inputs, criterion, rules, context.evidence());
    }

    static void assertRulesHold(PolicyInputs inputs, String criterion, DataTable rules, EvidenceRecorder evidence) {
        List<String> ids = rules.asMaps().stream().map(row -> row.get("rule")).toList();
        List<RuleOutcome> outcomes = PolicyEvidence.check(inputs, criterion, ids, evidence);
        assertThat(outcomes.stream().filter(o -> !o.passed()).toList())
                .as("rules of %s violated:%n%s", criterion, PolicyEvidence.failures(outcomes))
                .isEmpty();
    }

    @Given("terraform is installed on this machine")
    public void terraformIsInstalled() {
        if (TerraformFmt.terraformBinary().isEmpty()) {
            throw new TestAbortedException("terraform is not installed on this machine: terraform fmt -check is SKIPPED, not passed");
        }
    }

    @When("terraform fmt checks every file under terraform")
    public void terraformFmtChecks() {
        fmt = TerraformFmt.check(Targets.projectRoot());
        if (fmt.status() == TerraformFmt.Status.SKIPPED) {
            throw new TestAbortedException(fmt.detail());
        }
    }

    @Then("it finds no file to reformat, as Infrastructure CI's fmt -check requires")
    public void noFileToReformat() {
        boolean passed = fmt.status() == TerraformFmt.Status.PASSED;
        PolicyEvidence.record(context.evidence(), "infrastructure.terraform-fmt", "terraform fmt -check -recursive terraform/ finds nothing "
                + "to reformat (" + fmt.terraformVersion() + ", run locally) [rule terraform-fmt-check]", passed, fmt.detail());
        assertThat(fmt.unformattedFiles()).as(fmt.detail()).isEmpty();
        assertThat(passed).as(fmt.detail()).isTrue();
    }
}
