package org.faithbot.verification.policy;

import org.faithbot.verification.target.Targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A copy of the repository's checked files (terraform/, .github/, features/, the service's table definition and
 * Dockerfile, chaos-experiments/, tools/package.json, bin/setup.sh, the harness's pom and self-tests, the local target's
 * alerting rules and the runbooks) in a temporary directory, where a test plants one violation and runs the
 * rules against the copy. The Node tools still come from the real project root.
 */
final class PlantedRepository {

    private static final List<String> COPIED = List.of("terraform", ".github", "chaos-experiments", "features",
            "service/src/main/resources/dynamodb/tables.json", "service/Dockerfile", "tools/package.json", "bin/setup.sh",
            "verification/pom.xml", "verification/src/test/java/org/faithbot/verification/selftest",
            "verification/src/main/resources/monitoring/alert-rules.yml", "docs/runbooks");

    private final Path root;

    private PlantedRepository(Path root) {
        this.root = root;
    }

    static PlantedRepository copyInto(Path directory) {
        Path source = Targets.projectRoot();
        for (String relative : COPIED) {
            copy(source.resolve(relative), directory.resolve(relative));
        }
        return new PlantedRepository(directory);
    }

    private static void copy(Path from, Path to) {
        if (!Files.exists(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.toList()) {
                if (path.toString().contains("/.terraform/")) {
                    continue;
                }
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(path, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from, e);
        }
    }

    Path root() {
        return root;
    }

    /** Replaces the one occurrence of {@code original} in the file (a planted violation must land where intended). */
    PlantedRepository replace(String file, String original, String planted) {
        String text = read(file);
        assertThat(text.split(java.util.regex.Pattern.quote(original), -1)).as("occurrences of the text to replace in " + file).hasSize(2);
        write(file, text.replace(original, planted));
        return this;
    }

    PlantedRepository append(String file, String text) {
        write(file, read(file) + "\n" + text);
        return this;
    }

    String read(String file) {
        try {
            return Files.readString(root.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(String file, String text) {
        try {
            Files.writeString(root.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fresh inputs over the copy (nothing parsed yet), with the real project's Node tools. */
    PolicyInputs inputs() {
        return new PolicyInputs(root, Targets.projectRoot());
    }

    RuleOutcome check(String ruleId) {
        return PolicyCatalogue.byId(ruleId).check(inputs());
    }
}
