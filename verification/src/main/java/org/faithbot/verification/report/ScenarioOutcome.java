package org.faithbot.verification.report;

import java.util.Set;

/** How one executed scenario ended: PASSED, FAILED, SKIPPED, PENDING, UNDEFINED, AMBIGUOUS. */
public record ScenarioOutcome(String name, Set<String> tags, String status, String error) {

    public boolean failed() {
        return status.equals("FAILED") || status.equals("UNDEFINED") || status.equals("AMBIGUOUS") || status.equals("PENDING");
    }

    public boolean passed() {
        return status.equals("PASSED");
    }
}
