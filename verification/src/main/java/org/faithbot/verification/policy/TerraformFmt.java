package org.faithbot.verification.policy;

import org.faithbot.verification.local.ProcessRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code terraform fmt -check -recursive terraform/} with the terraform binary of the machine,
 * when there is one. Without terraform the check is SKIPPED, never passed. fmt needs no provider,
 * unlike init / validate / plan, which cannot run here (no provider download).
 */
public final class TerraformFmt {

    public enum Status { PASSED, FAILED, SKIPPED }

    /** The outcome: the files fmt would rewrite (FAILED), none (PASSED), or why it did not run (SKIPPED). */
    public record Result(Status status, String terraformVersion, List<String> unformattedFiles, String detail) {
    }

    private TerraformFmt() {
    }

    public static Optional<Path> terraformBinary() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : (path + ":/usr/local/bin:/usr/bin").split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, "terraform");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public static Result check(Path projectRoot) {
        Optional<Path> terraform = terraformBinary();
        if (terraform.isEmpty()) {
            return new Result(Status.SKIPPED, "", List.of(), "terraform is not installed on this machine: fmt -check was not run");
        }
        String version = run(terraform.get(), projectRoot, "version").output().lines().findFirst().orElse("terraform");
        Run fmt = run(terraform.get(), projectRoot, "fmt", "-check", "-recursive", "-list=true", "terraform/");
        List<String> files = fmt.output().lines().map(String::strip).filter(l -> l.endsWith(".tf") || l.endsWith(".tfvars")).toList();
        if (fmt.exitCode() == 0) {
            return new Result(Status.PASSED, version, List.of(), "terraform fmt -check -recursive terraform/: no file to reformat");
        }
        if (!files.isEmpty()) {
            return new Result(Status.FAILED, version, files, "terraform fmt would reformat " + files);
        }
        return new Result(Status.FAILED, version, List.of(), "terraform fmt failed (exit " + fmt.exitCode() + "): " + fmt.output().strip());
    }

    private record Run(int exitCode, String output) {
    }

    private static Run run(Path terraform, Path directory, String... arguments) {
        List<String> command = Stream.concat(Stream.of(terraform.toString()), Stream.of(arguments)).toList();
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("TF_CLI_CONFIG_FILE", "/dev/null");
        builder.environment().put("CHECKPOINT_DISABLE", "1");
        builder.environment().put("TF_IN_AUTOMATION", "1");
        try {
            Process process = builder.start();
            ProcessRegistry.Registration registration = ProcessRegistry.shared().track("terraform", process, terraform.toString());
            String output;
            try (var in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("terraform " + String.join(" ", arguments) + " did not finish within 60 s");
            }
            registration.close();
            return new Run(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + terraform, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
