package org.faithbot.verification.policy;

import java.util.List;

/**
 * The outcome of one rule: it holds when it inspected at least one thing and raised no finding.
 * A static outcome: it says what the files declare, not what runs in AWS or GitHub.
 */
public record RuleOutcome(PolicyRule rule, List<String> inspected, List<Finding> findings) {

    public boolean passed() {
        return findings.isEmpty() && !inspected.isEmpty();
    }

    /** The text the evidence record and the report carry: what was checked, by which rule. */
    public String evidenceText() {
        return rule.description() + " [rule " + rule.id() + ", " + inspected.size() + " checked]";
    }

    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append(passed() ? "HOLDS    " : "VIOLATED ").append(rule.criterion()).append(' ').append(rule.id())
                .append(": ").append(rule.description()).append(" (").append(inspected.size()).append(" checked)");
        if (inspected.isEmpty()) {
            out.append("\n    - nothing to check: none of the things this rule checks was found");
        }
        findings.forEach(f -> out.append("\n    - ").append(f.describe()));
        return out.toString();
    }
}
