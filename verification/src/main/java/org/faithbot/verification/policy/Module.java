package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One Terraform module (a directory of .tf files, terraform/modules/network or
 * terraform/environments/staging), its blocks gathered from all its files, and its
 * terraform.tfvars when it has one.
 */
final class Module {

    private static final Pattern LOCAL_OR_VAR = Pattern.compile("\\$\\{(local|var)\\.([A-Za-z0-9_-]+)}");
    /** A path into a decoded local: {@code local.alarm_definitions["alb-5xx-rate"].threshold}. */
    private static final Pattern LOCAL_PATH = Pattern.compile("local\\.([A-Za-z0-9_]+)((?:\\[\"[^\"]+\"]|\\.[A-Za-z0-9_-]+)+)");
    private static final Pattern PATH_STEP = Pattern.compile("\\[\"([^\"]+)\"]|\\.([A-Za-z0-9_-]+)");

    private final String directory;
    private final List<TfBlock> blocks = new ArrayList<>();
    private final Map<String, JsonNode> locals = new LinkedHashMap<>();
    private final Map<String, String> localFiles = new LinkedHashMap<>();
    private final List<JsonNode> terraformSettings = new ArrayList<>();
    private final Map<String, JsonNode> tfvars = new LinkedHashMap<>();
    private final Map<String, JsonNode> decoded = new LinkedHashMap<>();
    private String settingsFile = "";
    private String tfvarsFile = "";

    Module(String directory) {
        this.directory = directory;
    }

    /** The directory relative to terraform/ (modules/network). */
    String directory() {
        return directory;
    }

    void addFile(String file, JsonNode tree) {
        if (file.endsWith(".tfvars")) {
            tree.fields().forEachRemaining(e -> tfvars.put(e.getKey(), e.getValue()));
            tfvarsFile = file;
            return;
        }
        addTyped(file, tree.path("resource"), "resource");
        addTyped(file, tree.path("data"), "data");
        addNamed(file, tree.path("variable"), "variable");
        addNamed(file, tree.path("output"), "output");
        addNamed(file, tree.path("module"), "module");
        addNamed(file, tree.path("provider"), "provider");
        for (JsonNode block : tree.path("locals")) {
            block.fields().forEachRemaining(e -> {
                locals.put(e.getKey(), e.getValue());
                localFiles.put(e.getKey(), file);
            });
        }
        for (JsonNode block : tree.path("terraform")) {
            terraformSettings.add(block);
            settingsFile = file;
        }
    }

    private void addTyped(String file, JsonNode byType, String kind) {
        byType.fields().forEachRemaining(type -> type.getValue().fields().forEachRemaining(named -> {
            for (JsonNode body : named.getValue()) {
                blocks.add(new TfBlock(this, file, kind, type.getKey(), named.getKey(), body));
            }
        }));
    }

    private void addNamed(String file, JsonNode byName, String kind) {
        byName.fields().forEachRemaining(named -> {
            for (JsonNode body : named.getValue()) {
                blocks.add(new TfBlock(this, file, kind, "", named.getKey(), body));
            }
        });
    }

    List<TfBlock> resources(String type) {
        return blocks.stream().filter(b -> b.kind().equals("resource") && b.type().equals(type)).toList();
    }

    List<TfBlock> resources() {
        return blocks.stream().filter(b -> b.kind().equals("resource")).toList();
    }

    Optional<TfBlock> resource(String type, String name) {
        return resources(type).stream().filter(b -> b.name().equals(name)).findFirst();
    }

    List<TfBlock> data(String type) {
        return blocks.stream().filter(b -> b.kind().equals("data") && b.type().equals(type)).toList();
    }

    Optional<TfBlock> data(String type, String name) {
        return data(type).stream().filter(b -> b.name().equals(name)).findFirst();
    }

    List<TfBlock> ofKind(String kind) {
        return blocks.stream().filter(b -> b.kind().equals(kind)).toList();
    }

    Optional<TfBlock> variable(String name) {
        return ofKind("variable").stream().filter(b -> b.name().equals(name)).findFirst();
    }

    Optional<TfBlock> output(String name) {
        return ofKind("output").stream().filter(b -> b.name().equals(name)).findFirst();
    }

    Optional<TfBlock> moduleCall(String name) {
        return ofKind("module").stream().filter(b -> b.name().equals(name)).findFirst();
    }

    List<TfBlock> providers() {
        return ofKind("provider");
    }

    Map<String, JsonNode> locals() {
        return locals;
    }

    /** Sets what a local decodes a file of the module to ({@code yamldecode(file("${path.module}/alarms.yaml"))}). */
    void decoded(String local, JsonNode data) {
        decoded.put(local, data);
    }

    /** The data a local decodes from a file of the module, or empty when the local is not one. */
    Optional<JsonNode> decoded(String local) {
        return Optional.ofNullable(decoded.get(local));
    }

    /** The value {@code local.x["key"].field} stands for when local.x is decoded data; empty otherwise. */
    Optional<JsonNode> decodedValue(String expression) {
        Matcher m = LOCAL_PATH.matcher(expression.strip());
        if (!m.matches() || !decoded.containsKey(m.group(1))) {
            return Optional.empty();
        }
        JsonNode node = decoded.get(m.group(1));
        Matcher step = PATH_STEP.matcher(m.group(2));
        while (step.find() && node != null) {
            node = node.get(step.group(1) != null ? step.group(1) : step.group(2));
        }
        return node == null || node.isMissingNode() ? Optional.empty() : Optional.of(node);
    }

    String localFile(String name) {
        return localFiles.getOrDefault(name, directory);
    }

    List<JsonNode> terraformSettings() {
        return terraformSettings;
    }

    String settingsFile() {
        return settingsFile;
    }

    Map<String, JsonNode> tfvars() {
        return tfvars;
    }

    String tfvarsFile() {
        return tfvarsFile;
    }

    /** The literal default of a variable, or null. */
    JsonNode variableDefault(String name) {
        return variable(name).map(v -> v.attr("default")).orElse(null);
    }

    /** The conditions of a variable's validation blocks, as written. */
    List<String> validations(String name) {
        return variable(name).map(v -> v.blocks("validation").stream().map(b -> Expr.text(b.get("condition"))).toList())
                .orElse(List.of());
    }

    /**
     * The smallest value a number variable may take according to its validations
     * ({@code var.x >= 2} gives 2, {@code var.x > 1} gives 1 exclusive, treated as 2 for integers).
     */
    OptionalDouble validatedMinimum(String name) {
        Pattern atLeast = Pattern.compile("var\\." + Pattern.quote(name) + "\\s*(>=|>)\\s*(\\d+)");
        OptionalDouble best = OptionalDouble.empty();
        for (String condition : validations(name)) {
            Matcher m = atLeast.matcher(condition);
            while (m.find()) {
                double bound = Double.parseDouble(m.group(2)) + (m.group(1).equals(">") ? 1 : 0);
                if (best.isEmpty() || bound > best.getAsDouble()) {
                    best = OptionalDouble.of(bound);
                }
            }
        }
        return best;
    }

    /** A number: a literal, {@code var.x} with a literal default, or a value of decoded data ({@code local.x["k"].threshold}). */
    OptionalDouble number(JsonNode value) {
        OptionalDouble literal = Expr.literalNumber(value);
        if (literal.isPresent()) {
            return literal;
        }
        Optional<JsonNode> fromData = Expr.expression(value).flatMap(this::decodedValue);
        if (fromData.isPresent()) {
            return Expr.literalNumber(fromData.get());
        }
        return Expr.expression(value).filter(e -> e.matches("var\\.[A-Za-z0-9_-]+"))
                .map(e -> Expr.literalNumber(variableDefault(e.substring(4))))
                .orElse(OptionalDouble.empty());
    }

    /**
     * A string with every {@code ${local.x}} and {@code ${var.x}} replaced by the literal it stands for
     * (a local's literal value, a variable's literal default), as far as that goes; the rest stays as written.
     */
    String expand(String text) {
        String current = text;
        for (int round = 0; round < 8; round++) {
            Matcher m = LOCAL_OR_VAR.matcher(current);
            StringBuilder out = new StringBuilder();
            boolean changed = false;
            while (m.find()) {
                JsonNode value = m.group(1).equals("local") ? locals.get(m.group(2)) : variableDefault(m.group(2));
                if (value != null && value.isValueNode() && !value.isNull()) {
                    m.appendReplacement(out, Matcher.quoteReplacement(value.asText()));
                    changed = true;
                } else {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                }
            }
            m.appendTail(out);
            current = out.toString();
            if (!changed) {
                break;
            }
        }
        return current;
    }

    /** A string value: a literal, a value of decoded data, or an expression expanded as far as {@link #expand} goes. */
    String string(JsonNode value) {
        Optional<JsonNode> fromData = Expr.expression(value).flatMap(this::decodedValue);
        if (fromData.isPresent() && fromData.get().isValueNode()) {
            return fromData.get().asText();
        }
        return expand(Expr.text(value));
    }

    /** The keys of every map literal written inside an expression ({@code { A = 1, B = var.x }} gives A, B). */
    static List<String> mapKeysIn(String expression) {
        List<String> keys = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^\\s*\\(?([A-Za-z_][A-Za-z0-9_.-]*)\\)?\\s*=(?!=)").matcher(expression);
        while (m.find()) {
            keys.add(m.group(1));
        }
        return keys;
    }

    static Iterator<String> fieldNames(JsonNode node) {
        return node == null ? List.<String>of().iterator() : node.fieldNames();
    }
}
