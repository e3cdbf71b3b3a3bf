package org.faithbot.verification.security;

import org.faithbot.verification.local.ProcessRegistry;
import org.faithbot.verification.runbook.Runbook;
import org.faithbot.verification.runbook.RunbookCommand;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The runbook's procedure for a leaked token signing key, run as written: the commands of its
 * section, in order, by bash and the AWS CLI, against the local Secrets Manager (the emulator's
 * endpoint is added to each command, and the credentials are dummies, so nothing can reach AWS).
 * The variables the runbook names are the drill's: {@code SECRET_ID}, {@code NEW_KEY}, and
 * {@code LEAKED_VERSION}, which the runbook tells the on-call to take from the listing's output.
 */
public final class RunbookKeyRetirement {

    public static final String RUNBOOK = "docs/runbooks/incident-response.md";
    public static final String SECTION = "A leaked token signing key";
    private static final String LISTING = "list-secret-version-ids";

    /** One command as it ran. */
    public record Ran(String command, int exitCode, String output) {
    }

    private RunbookKeyRetirement() {
    }

    public static boolean awsCliInstalled() {
        try {
            Process which = new ProcessBuilder("bash", "-c", "command -v aws").redirectErrorStream(true).start();
            return which.waitFor(10, TimeUnit.SECONDS) && which.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The commands of the runbook's section, as the on-call reads them. */
    public static List<RunbookCommand> commands(Path projectRoot) {
        return Runbook.read(projectRoot.resolve(RUNBOOK)).section(SECTION).commands();
    }

    /** Runs the section's commands in order; fails on the first that does not exit 0, or on one that is not a Secrets Manager call. */
    public static List<Ran> run(Path projectRoot, URI endpoint, String region, String secretId, String newKey) {
        Map<String, String> variables = new HashMap<>(Map.of("SECRET_ID", secretId, "NEW_KEY", newKey, "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local", "AWS_DEFAULT_REGION", region, "AWS_PAGER", ""));
        List<Ran> ran = new ArrayList<>();
        for (RunbookCommand command : commands(projectRoot)) {
            if (!command.text().startsWith("aws secretsmanager ")) {
                throw new IllegalStateException("the drill runs only Secrets Manager calls against the emulator, not: " + command.text());
            }
            Ran result = execute(command.text() + " --endpoint-url " + endpoint, variables);
            ran.add(result);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("the runbook's command failed (exit " + result.exitCode() + "): " + command.text() + "\n" + result.output());
            }
            if (command.text().contains(LISTING)) {
                variables.put("LEAKED_VERSION", result.output().trim());
            }
        }
        return ran;
    }

    private static Ran execute(String commandLine, Map<String, String> variables) {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", commandLine).redirectErrorStream(true);
        builder.environment().putAll(variables);
        try {
            Process process = builder.start();
            try (ProcessRegistry.Registration ignored = ProcessRegistry.shared().track("aws-cli", process, "secretsmanager")) {
                if (!process.waitFor(60, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    return new Ran(commandLine, -1, "timed out after 60 s");
                }
                return new Ran(commandLine, process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
