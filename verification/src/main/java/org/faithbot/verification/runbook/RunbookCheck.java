package org.faithbot.verification.runbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Checks every command of a runbook against the catalogue of commands that exist. */
public final class RunbookCheck {

    private RunbookCheck() {
    }

    public record Problem(RunbookCommand command, String reason) {

        public String describe() {
            return command.where() + ": " + command.text() + "\n    -> " + reason;
        }
    }

    public record Result(Runbook runbook, List<Problem> problems) {

        public boolean passed() {
            return problems.isEmpty() && !runbook.commands().isEmpty();
        }
    }

    public static Result check(Runbook runbook, CommandCatalogue catalogue) {
        List<Problem> problems = new ArrayList<>();
        for (RunbookCommand command : runbook.commands()) {
            Optional<String> problem = catalogue.problemWith(command);
            problem.ifPresent(reason -> problems.add(new Problem(command, reason)));
        }
        return new Result(runbook, List.copyOf(problems));
    }
}
