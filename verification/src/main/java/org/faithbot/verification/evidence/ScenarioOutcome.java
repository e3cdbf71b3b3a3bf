package org.faithbot.verification.evidence;

import org.faithbot.verification.catalogue.ProofLevel;

import java.util.Set;

/** How one executed scenario ended: PASSED, FAILED, SKIPPED, PENDING, UNDEFINED, AMBIGUOUS. */
public record ScenarioOutcome(String name, Set<String> tags, String status, String error) {

    public boolean failed() {
        return status.equals("FAILED") || status.equals("UNDEFINED") || status.equals("AMBIGUOUS") || status.equals("PENDING");
    }

    public boolean passed() {
        return status.equals("PASSED");
    }

    /** The level a pass of it shows when it recorded nothing: static for a static check, else the target's. */
    public ProofLevel level(String target) {
        return tags.contains("@static") ? ProofLevel.STATIC : ProofLevel.ofTarget(target);
    }
}
