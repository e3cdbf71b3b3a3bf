package org.faithbot.verification.policy;

import java.util.ArrayList;
import java.util.List;

/** What one rule saw while it ran: the things it inspected and the findings it raised. */
public final class Check {

    private final List<String> inspected = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();

    /** Notes something the rule looked at (a rule that inspected nothing fails: it proved nothing). */
    public void inspected(String what) {
        inspected.add(what);
    }

    public void fail(String file, String resource, String attribute, String problem) {
        findings.add(new Finding(file, resource, attribute, problem));
    }

    /** Raises the finding unless {@code holds}. */
    public boolean require(boolean holds, String file, String resource, String attribute, String problem) {
        if (!holds) {
            fail(file, resource, attribute, problem);
        }
        return holds;
    }

    List<String> inspected() {
        return List.copyOf(inspected);
    }

    List<Finding> findings() {
        return List.copyOf(findings);
    }
}
