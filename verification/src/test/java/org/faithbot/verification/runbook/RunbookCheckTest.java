package org.faithbot.verification.runbook;

import org.faithbot.verification.recovery.RecoveryCli;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The runbook check must catch a step naming a command, subcommand, option or AWS operation that does not exist. */
class RunbookCheckTest {

    private final CommandCatalogue catalogue = new CommandCatalogue(Targets.projectRoot(), Map.of("dr", RecoveryCli.commands()),
            Set.of("dynamodb describe-table", "ecs wait services-stable"));

    private static final String RUNBOOK = """
            # Restore

            ```bash
            export PREFIX=chatbot-production- T=2026-11-24T18:00:00Z
            # a comment is no command
            $ bin/dr restore --table-prefix "$PREFIX" --target-prefix 'chatbot-production-r1-' \\
                --before "$T"
            aws dynamodb describe-table --table-name "${PREFIX}messages"
            aws ecs wait services-stable --cluster c --services s
            bin/dr rollback --table-prefix x
            bin/dr verify --table-prefix x --force
            aws dynamodb delete-everything
            bin/nothing-here
            kubectl get pods
            ```

            ```yaml
            not: a command
            ```
            """;

    @Test
    void readsTheCommandsOfShellBlocksOnly() {
        Runbook runbook = Runbook.parse("restore.md", RUNBOOK);
        assertThat(runbook.commands()).extracting(RunbookCommand::line).containsExactly(4, 6, 8, 9, 10, 11, 12, 13, 14);
        assertThat(runbook.commands().get(1).words()).containsExactly("bin/dr", "restore", "--table-prefix", "$PREFIX", "--target-prefix",
                "chatbot-production-r1-", "--before", "$T");
    }

    @Test
    void acceptsCommandsThatExistAndNamesEveryOneThatDoesNot() {
        RunbookCheck.Result result = RunbookCheck.check(Runbook.parse("restore.md", RUNBOOK), catalogue);
        assertThat(result.passed()).isFalse();
        List<String> problems = result.problems().stream().map(RunbookCheck.Problem::describe).toList();
        assertThat(problems).hasSize(5);
        assertThat(problems.get(0)).startsWith("restore.md:10").contains("no subcommand 'rollback'");
        assertThat(problems.get(1)).contains("has no option [--force]");
        assertThat(problems.get(2)).contains("aws dynamodb delete-everything is not in the checked list");
        assertThat(problems.get(3)).contains("bin/nothing-here is not an executable script");
        assertThat(problems.get(4)).contains("'kubectl' is neither");
    }

    @Test
    void theCheckedListOfAwsOperationsIsOnTheClasspath() {
        assertThat(CommandCatalogue.checkedAwsOperations()).contains("dynamodb restore-table-to-point-in-time", "backup start-restore-job",
                "ecs wait services-stable");
    }
}
