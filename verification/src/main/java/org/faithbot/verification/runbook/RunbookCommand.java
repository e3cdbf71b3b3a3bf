package org.faithbot.verification.runbook;

import java.util.List;

/**
 * One command of a runbook: a line (continuation lines joined) of a fenced shell block, split into
 * words the way a shell would (quotes removed, variables left as they are).
 *
 * @param line the line of the runbook it starts on, 1-based
 */
public record RunbookCommand(String runbook, int line, String text, List<String> words) {

    public String where() {
        return runbook + ":" + line;
    }
}
