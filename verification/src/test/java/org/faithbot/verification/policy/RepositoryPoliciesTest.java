package org.faithbot.verification.policy;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The repository as committed holds every policy rule, and every rule names a criterion of the catalogue. */
class RepositoryPoliciesTest {

    @Test
    void everyRuleHoldsForTheRepository() {
        PolicyInputs inputs = PolicyInputs.of(Targets.projectRoot());
        List<RuleOutcome> outcomes = PolicyCatalogue.all().stream().map(r -> r.check(inputs)).toList();
        assertThat(outcomes.stream().filter(o -> !o.passed()).map(RuleOutcome::describe).toList()).isEmpty();
    }

    @Test
    void everyRuleIsRunByASpec() throws IOException {
        String specs = Files.readString(Targets.projectRoot().resolve("features/infrastructure.feature"))
                + Files.readString(Targets.projectRoot().resolve("features/pipelines.feature"));
        assertThat(PolicyCatalogue.criteria()).allSatisfy(criterion ->
                assertThat(specs).as("a spec runs the rules of %s", criterion).containsPattern("rules of " + Pattern.quote(criterion) + ":"));
        assertThat(PolicyCatalogue.all()).allSatisfy(rule ->
                assertThat(specs).as("a spec lists %s", rule.id()).containsPattern("\\|\\s*" + Pattern.quote(rule.id()) + "\\s*\\|"));
    }

    @Test
    void everyRuleGivesEvidenceForACriterionOfTheCatalogue() {
        CriteriaCatalogue catalogue = CriteriaCatalogue.load();
        assertThat(PolicyCatalogue.all()).allSatisfy(rule ->
                assertThat(catalogue.find(rule.criterion())).as(rule.id()).isPresent());
        assertThat(PolicyCatalogue.criteria()).contains("AC-1.2", "AC-1.3", "AC-2.10", "AC-2.11", "AC-2.12", "AC-3.3", "AC-3.5",
                "AC-4.1", "AC-4.2", "AC-4.3", "AC-5.1", "AC-5.2", "NFR-OPS-1", "AC-2.1", "AC-2.2", "AC-2.3", "AC-2.4", "AC-2.5", "AC-2.6",
                "AC-2.7", "AC-2.8", "AC-2.9", "AC-2.13", "AC-2.14", "AC-2.15", "AC-4.4", "SC-DEPLOY-5", "SC-SEC-2");
    }
}
