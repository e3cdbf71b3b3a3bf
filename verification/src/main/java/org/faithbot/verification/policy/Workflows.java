package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The GitHub side of the pipelines as data: the workflows under .github/workflows, the composite
 * actions under .github/actions and the scripts under .github/scripts (as text).
 */
public final class Workflows {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path projectRoot;
    private final List<Workflow> workflows;
    private final List<Workflow> actions;
    private final Map<String, String> scripts;

    private Workflows(Path projectRoot, List<Workflow> workflows, List<Workflow> actions, Map<String, String> scripts) {
        this.projectRoot = projectRoot;
        this.workflows = workflows;
        this.actions = actions;
        this.scripts = scripts;
    }

    public static Workflows load(Path projectRoot) {
        Path github = projectRoot.resolve(".github");
        List<Workflow> workflows = new ArrayList<>();
        for (Path file : list(github.resolve("workflows"), p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))) {
            workflows.add(new Workflow(display(projectRoot, file), read(file)));
        }
        List<Workflow> actions = new ArrayList<>();
        for (Path file : list(github.resolve("actions"), p -> p.getFileName().toString().matches("action\\.ya?ml"))) {
            actions.add(new Workflow(display(projectRoot, file), read(file)));
        }
        Map<String, String> scripts = new LinkedHashMap<>();
        for (Path file : list(github.resolve("scripts"), Files::isRegularFile)) {
            try {
                scripts.put(display(projectRoot, file), Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
        }
        if (workflows.isEmpty()) {
            throw new IllegalStateException("no workflow under " + github.resolve("workflows"));
        }
        return new Workflows(projectRoot, List.copyOf(workflows), List.copyOf(actions), scripts);
    }

    private static List<Path> list(Path directory, java.util.function.Predicate<Path> filter) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(Files::isRegularFile).filter(filter).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory, e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            JsonNode tree = YAML.readTree(file.toFile());
            if (tree == null || !tree.isObject()) {
                throw new IllegalStateException(file + " is not a YAML mapping");
            }
            return tree;
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    private static String display(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public List<Workflow> all() {
        return workflows;
    }

    /** The composite actions of the repository (.github/actions/NAME/action.yml). */
    public List<Workflow> actions() {
        return actions;
    }

    public Map<String, String> scripts() {
        return scripts;
    }

    /** The workflow in .github/workflows/NAME; fails when it does not exist. */
    public Workflow workflow(String fileName) {
        return workflows.stream().filter(w -> w.file().endsWith("/" + fileName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no workflow .github/workflows/" + fileName));
    }

    public Optional<Workflow> action(String localPath) {
        String wanted = localPath.replaceFirst("^\\./", "");
        return actions.stream().filter(a -> a.file().startsWith(wanted + "/")).findFirst();
    }

    /** The text of a script the workflows call, by its path in the repository (.github/scripts/x.sh). */
    public String script(String path) {
        String text = scripts.get(path);
        if (text == null) {
            throw new IllegalStateException("no script " + path);
        }
        return text;
    }

    /** A workflow file, or a composite action file (whose steps are under runs.steps). */
    public record Workflow(String file, JsonNode root) {

        public String fileName() {
            return file.substring(file.lastIndexOf('/') + 1);
        }

        /** The triggers (the YAML key {@code on}, which a YAML 1.1 reader may turn into {@code true}). */
        public JsonNode on() {
            JsonNode on = root.get("on");
            if (on == null) {
                on = root.get("true");
            }
            return on == null ? MissingNode.getInstance() : on;
        }

        public boolean triggeredBy(String event) {
            JsonNode on = on();
            if (on.isTextual()) {
                return on.asText().equals(event);
            }
            if (on.isArray()) {
                for (JsonNode e : on) {
                    if (e.asText().equals(event)) {
                        return true;
                    }
                }
                return false;
            }
            return on.has(event);
        }

        public List<Job> jobs() {
            List<Job> jobs = new ArrayList<>();
            root.path("jobs").fields().forEachRemaining(e -> jobs.add(new Job(this, e.getKey(), e.getValue())));
            return jobs;
        }

        public Optional<Job> job(String id) {
            return jobs().stream().filter(j -> j.id().equals(id)).findFirst();
        }

        /** The steps of a composite action. */
        public List<Step> actionSteps() {
            List<Step> steps = new ArrayList<>();
            JsonNode list = root.path("runs").path("steps");
            for (int i = 0; i < list.size(); i++) {
                steps.add(new Step(file, "runs.steps", i, list.get(i)));
            }
            return steps;
        }
    }

    public record Job(Workflow workflow, String id, JsonNode node) {

        public String where() {
            return "jobs." + id;
        }

        public String file() {
            return workflow.file();
        }

        public List<Step> steps() {
            List<Step> steps = new ArrayList<>();
            JsonNode list = node.path("steps");
            for (int i = 0; i < list.size(); i++) {
                steps.add(new Step(workflow.file(), "jobs." + id, i, list.get(i)));
            }
            return steps;
        }

        /** The reusable workflow the job calls (./.github/workflows/x.yml), or "". */
        public String calls() {
            return node.path("uses").asText("");
        }

        /** The job's permissions, or the workflow's when the job sets none. */
        public JsonNode permissions() {
            return node.has("permissions") ? node.get("permissions") : workflow.root().path("permissions");
        }

        public String permission(String scope) {
            JsonNode permissions = permissions();
            if (permissions.isTextual()) {
                return permissions.asText(); // read-all / write-all
            }
            return permissions.path(scope).asText("none");
        }

        public String environment() {
            JsonNode environment = node.path("environment");
            return environment.isTextual() ? environment.asText() : environment.path("name").asText("");
        }

        public List<String> needs() {
            JsonNode needs = node.path("needs");
            List<String> out = new ArrayList<>();
            if (needs.isTextual()) {
                out.add(needs.asText());
            } else {
                needs.forEach(n -> out.add(n.asText()));
            }
            return out;
        }

        public String concurrencyGroup() {
            JsonNode concurrency = node.path("concurrency");
            return concurrency.isTextual() ? concurrency.asText() : concurrency.path("group").asText("");
        }

        public boolean cancelsInProgress() {
            JsonNode concurrency = node.path("concurrency");
            return concurrency.isObject() && concurrency.path("cancel-in-progress").asText("false").equals("true");
        }

        public String condition() {
            return node.path("if").asText("");
        }
    }

    public record Step(String file, String container, int index, JsonNode node) {

        public String where() {
            String name = node.path("name").asText(node.path("uses").asText(""));
            return container + " › step " + (index + 1) + (name.isEmpty() ? "" : " (" + name + ")");
        }

        public String uses() {
            return node.path("uses").asText("");
        }

        public String run() {
            return node.path("run").asText("");
        }

        public String id() {
            return node.path("id").asText("");
        }

        public String condition() {
            return node.path("if").asText("");
        }

        public JsonNode with() {
            return node.path("with");
        }

        public String with(String input) {
            return node.path("with").path(input).asText("");
        }

        public JsonNode env() {
            return node.path("env");
        }

        /** Whether the step uses that action (owner/repo[/path]), at whatever version. */
        public boolean usesAction(String action) {
            String uses = uses();
            return uses.equals(action) || uses.startsWith(action + "@");
        }
    }
}
