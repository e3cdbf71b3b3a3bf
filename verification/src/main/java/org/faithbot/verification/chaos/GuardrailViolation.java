package org.faithbot.verification.chaos;

import java.util.List;

/** A guard rail refused to start an experiment: nothing was injected. */
public class GuardrailViolation extends RuntimeException {

    private final List<String> violations;

    public GuardrailViolation(String experiment, List<String> violations) {
        super("experiment " + experiment + " refused by its guard rails: " + String.join("; ", violations));
        this.violations = List.copyOf(violations);
    }

    public List<String> violations() {
        return violations;
    }
}
