package org.faithbot.verification.policy;

import java.util.function.BiConsumer;

/**
 * A policy rule: what it checks in words, the criterion it gives evidence for, and the check itself,
 * run against the repository's files (Terraform as data, workflow YAML, pipeline scripts).
 *
 * @param id          a stable kebab-case name, used in the features and the evidence
 * @param criterion   the catalogue id of the criterion (AC-4.1, NFR-OPS-1)
 * @param description what holds when the rule passes, in words
 */
public record PolicyRule(String id, String criterion, String description, BiConsumer<PolicyInputs, Check> body) {

    public RuleOutcome check(PolicyInputs inputs) {
        Check check = new Check();
        try {
            body.accept(inputs, check);
        } catch (RuntimeException e) {
            check.fail("-", id, "", "the rule could not run: " + e.getMessage());
        }
        return new RuleOutcome(this, check.inspected(), check.findings());
    }
}
