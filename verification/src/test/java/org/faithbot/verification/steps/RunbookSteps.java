package org.faithbot.verification.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.recovery.RecoveryCli;
import org.faithbot.verification.recovery.RecoveryDrill;
import org.faithbot.verification.runbook.CommandCatalogue;
import org.faithbot.verification.runbook.Runbook;
import org.faithbot.verification.runbook.RunbookCheck;
import org.faithbot.verification.runbook.RunbookCommand;
import org.faithbot.verification.target.Targets;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps on the runbooks of docs/runbooks: each command exists; the restore runbook is the drill's procedure. */
public class RunbookSteps {

    private static final Path RUNBOOKS = Path.of("docs/runbooks");

    private final ScenarioContext context;
    private final List<Runbook> runbooks = new ArrayList<>();

    public RunbookSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("the runbook(s) {string}")
    public void theRunbook(String name) {
        runbooks.add(Runbook.read(Targets.projectRoot().resolve(RUNBOOKS).resolve(name)));
    }

    @Given("the runbooks {string} and {string}")
    public void theRunbooks(String first, String second) {
        theRunbook(first);
        theRunbook(second);
    }

    @Then("every command in them points at a command that exists")
    public void everyCommandExists() {
        CommandCatalogue catalogue = new CommandCatalogue(Targets.projectRoot(), Map.of("dr", RecoveryCli.commands()),
                CommandCatalogue.checkedAwsOperations());
        List<String> problems = new ArrayList<>();
        for (Runbook runbook : runbooks) {
            RunbookCheck.Result result = RunbookCheck.check(runbook, catalogue);
            context.evidence().checkedStatically("runbook.commands-exist", "every command of " + RUNBOOKS.resolve(runbook.name()) + " exists ("
                    + runbook.commands().size() + " commands: bin/ scripts with known subcommands and options, checked AWS CLI operations)",
                    result.passed());
            result.problems().forEach(p -> problems.add(p.describe()));
            assertThat(runbook.commands()).as("commands of %s", runbook.name()).isNotEmpty();
        }
        assertThat(problems).as("runbook steps naming commands that do not exist").isEmpty();
    }

    @Then("the restore runbook holds every bin\\/dr command the local recovery drill runs")
    public void restoreRunbookHoldsTheDrillsCommands() {
        Runbook restore = runbooks.stream().filter(r -> r.name().equals("restore.md")).findFirst().orElseThrow();
        List<String> missing = new ArrayList<>();
        for (List<String> drillCommand : RecoveryDrill.RUNBOOK_COMMANDS) {
            boolean present = restore.commands().stream().map(RunbookCommand::words).anyMatch(words -> words.size() > 1
                    && words.getFirst().equals("bin/dr") && words.get(1).equals(drillCommand.getFirst())
                    && words.containsAll(drillCommand.subList(1, drillCommand.size())));
            if (!present) {
                missing.add("bin/dr " + String.join(" ", drillCommand));
            }
        }
        List<Evidence> evidence = context.evidence().checkedStatically("runbook.drill-commands", "docs/runbooks/restore.md holds the "
                + "commands the recovery drill runs: " + RecoveryDrill.RUNBOOK_COMMANDS.stream().map(c -> "bin/dr " + String.join(" ", c))
                .collect(Collectors.joining(", ")), missing.isEmpty());
        assertThat(missing).as(evidence.getFirst().describe()).isEmpty();
    }
}
