package org.faithbot.verification.runbook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commands a runbook may name, so every step is one an operator can actually run: a script of
 * the project's bin/ (with, for scripts that have them, a known subcommand and known options), an
 * AWS CLI operation of a checked list ({@code runbooks/aws-cli-operations.txt}: service, operation,
 * as the AWS CLI spells them), or {@code export NAME=value} to set a variable for the steps after.
 */
public final class CommandCatalogue {

    public static final String AWS_OPERATIONS = "runbooks/aws-cli-operations.txt";

    private final Path projectRoot;
    private final Map<String, Map<String, Set<String>>> subcommands;
    private final Set<String> awsOperations;

    /**
     * @param subcommands by script of bin/ that has subcommands: each subcommand with the options it knows
     */
    public CommandCatalogue(Path projectRoot, Map<String, Map<String, Set<String>>> subcommands, Set<String> awsOperations) {
        this.projectRoot = projectRoot;
        this.subcommands = Map.copyOf(subcommands);
        this.awsOperations = Set.copyOf(awsOperations);
    }

    /** The AWS CLI operations of the checked list, "service operation" a line. */
    public static Set<String> checkedAwsOperations() {
        try (InputStream in = CommandCatalogue.class.getClassLoader().getResourceAsStream(AWS_OPERATIONS)) {
            if (in == null) {
                throw new IllegalStateException(AWS_OPERATIONS + " is missing from the classpath");
            }
            Set<String> operations = new LinkedHashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String trimmed = line.trim();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                    operations.add(String.join(" ", trimmed.split("\\s+")));
                }
            }
            return operations;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the command points at nothing that exists, or empty when it does. */
    public Optional<String> problemWith(RunbookCommand command) {
        List<String> words = command.words();
        if (words.isEmpty()) {
            return Optional.of("empty command");
        }
        String program = words.getFirst();
        if (program.equals("export")) {
            return words.size() >= 2 && words.stream().skip(1).allMatch(w -> w.matches("[A-Za-z_][A-Za-z0-9_]*=.*"))
                    ? Optional.empty() : Optional.of("export takes NAME=value");
        }
        if (program.startsWith("bin/")) {
            return checkScript(program, words.subList(1, words.size()));
        }
        if (program.equals("aws")) {
            return checkAws(words.subList(1, words.size()));
        }
        return Optional.of("'" + program + "' is neither a script of bin/ nor the AWS CLI");
    }

    private Optional<String> checkScript(String program, List<String> args) {
        Path script = projectRoot.resolve(program);
        if (!Files.isRegularFile(script) || !Files.isExecutable(script)) {
            return Optional.of(program + " is not an executable script of the project");
        }
        Map<String, Set<String>> known = subcommands.get(script.getFileName().toString());
        if (known == null) {
            return Optional.empty();
        }
        if (args.isEmpty() || !known.containsKey(args.getFirst())) {
            return Optional.of(program + " has no subcommand '" + (args.isEmpty() ? "" : args.getFirst()) + "' (known: " + known.keySet() + ")");
        }
        Set<String> options = known.get(args.getFirst());
        List<String> unknown = new ArrayList<>();
        for (String arg : args.subList(1, args.size())) {
            if (arg.startsWith("--") && !options.contains(arg)) {
                unknown.add(arg);
            }
        }
        return unknown.isEmpty() ? Optional.empty()
                : Optional.of(program + " " + args.getFirst() + " has no option " + unknown + " (known: " + options + ")");
    }

    private Optional<String> checkAws(List<String> args) {
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.size() && positional.size() < 3; i++) {
            if (args.get(i).startsWith("--")) {
                break; // the operation comes before its options
            }
            positional.add(args.get(i));
        }
        if (positional.size() < 2) {
            return Optional.of("aws needs a service and an operation");
        }
        String operation = positional.get(0) + " " + positional.get(1);
        if (positional.get(1).equals("wait") && positional.size() == 3) {
            operation = positional.get(0) + " wait " + positional.get(2);
        }
        return awsOperations.contains(operation) ? Optional.empty()
                : Optional.of("aws " + operation + " is not in the checked list of AWS CLI operations (" + AWS_OPERATIONS + ")");
    }
}
