package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The whole of terraform/ as data: every .tf and .tfvars file parsed by HashiCorp's parser, grouped
 * into modules by directory. Module calls can be followed ({@link #callsTo}) so a rule can check
 * what a module receives from the modules that use it.
 */
public final class TerraformConfig {

    private final Path projectRoot;
    private final Map<String, Module> modules;
    private final int files;

    private TerraformConfig(Path projectRoot, Map<String, Module> modules, int files) {
        this.projectRoot = projectRoot;
        this.modules = modules;
        this.files = files;
    }

    /** Parses projectRoot/terraform with the hcl2json installed under toolsRoot/tools/node_modules. */
    public static TerraformConfig load(Path projectRoot, Path toolsRoot) {
        Path terraform = projectRoot.resolve("terraform");
        if (!Files.isDirectory(terraform)) {
            throw new IllegalStateException("no terraform/ directory under " + projectRoot);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(terraform)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.toString().contains("/.terraform/"))
                    .filter(p -> p.toString().endsWith(".tf") || p.toString().endsWith(".tfvars"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + terraform, e);
        }
        Map<Path, JsonNode> trees = HclParser.parse(files, NodeTool.nodeModules(toolsRoot, "@cdktf/hcl2json"));
        Map<String, Module> modules = new TreeMap<>();
        trees.forEach((file, tree) -> {
            String directory = terraform.relativize(file.getParent()).toString().replace('\\', '/');
            String display = projectRoot.relativize(file).toString().replace('\\', '/');
            modules.computeIfAbsent(directory, Module::new).addFile(display, tree);
        });
        modules.values().forEach(module -> decodeFiles(terraform, module));
        return new TerraformConfig(projectRoot, modules, files.size());
    }

    /** A local written {@code yamldecode(file("${path.module}/F"))} (or jsondecode), optionally followed by {@code .attr}. */
    private static final Pattern DECODED_FILE = Pattern.compile(
            "^\\$\\{(?:yamldecode|jsondecode)\\(file\\(\"\\$\\{path\\.module}/([^\"]+)\"\\)\\)((?:\\.[A-Za-z0-9_-]+)*)}$");

    /** Reads the file each such local decodes, so the rules see the data Terraform will (the alarms' one definition). */
    private static void decodeFiles(Path terraform, Module module) {
        module.locals().forEach((name, value) -> {
            Matcher m = DECODED_FILE.matcher(Expr.text(value).strip());
            if (!m.matches()) {
                return;
            }
            Path file = terraform.resolve(module.directory()).resolve(m.group(1));
            try {
                JsonNode data = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
                for (String step : m.group(2).split("\\.")) {
                    if (!step.isEmpty()) {
                        data = data == null ? null : data.get(step);
                    }
                }
                if (data != null) {
                    module.decoded(name, data);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("local." + name + " of terraform/" + module.directory() + " decodes " + file + ", which cannot be read", e);
            }
        });
    }

    public Path projectRoot() {
        return projectRoot;
    }

    public int fileCount() {
        return files;
    }

    List<Module> modules() {
        return List.copyOf(modules.values());
    }

    /** The module in that directory under terraform/ (modules/network); fails when there is none. */
    Module module(String directory) {
        Module module = modules.get(directory);
        if (module == null) {
            throw new IllegalStateException("no Terraform module terraform/" + directory);
        }
        return module;
    }

    Optional<Module> findModule(String directory) {
        return Optional.ofNullable(modules.get(directory));
    }

    /** The environment roots (terraform/environments/*). */
    List<Module> environments() {
        return modules.values().stream().filter(m -> m.directory().startsWith("environments/")).toList();
    }

    /** Every resource of that type in every module. */
    List<TfBlock> resources(String type) {
        List<TfBlock> out = new ArrayList<>();
        modules.values().forEach(m -> out.addAll(m.resources(type)));
        return out;
    }

    List<TfBlock> data(String type) {
        List<TfBlock> out = new ArrayList<>();
        modules.values().forEach(m -> out.addAll(m.data(type)));
        return out;
    }

    List<TfBlock> allResources() {
        List<TfBlock> out = new ArrayList<>();
        modules.values().forEach(m -> out.addAll(m.resources()));
        return out;
    }

    /** The module calls whose source is that module directory (relative sources resolved from the caller). */
    List<TfBlock> callsTo(String directory) {
        Path target = Path.of(directory).normalize();
        List<TfBlock> calls = new ArrayList<>();
        for (Module caller : modules.values()) {
            for (TfBlock call : caller.ofKind("module")) {
                Optional<String> source = Expr.literalString(call.attr("source"));
                if (source.isPresent() && source.get().startsWith(".")
                        && Path.of(caller.directory()).resolve(source.get()).normalize().equals(target)) {
                    calls.add(call);
                }
            }
        }
        return calls;
    }
}
