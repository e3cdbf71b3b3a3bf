package org.faithbot.verification.policy;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Terraform files as data: HashiCorp's own HCL parser (npm {@code @cdktf/hcl2json}, run by Node)
 * turns each file into JSON that keeps every expression as written ({@code "${var.x}"}). All the
 * files not parsed yet go to one Node process; parses are cached by file content for the life of
 * the JVM, so a second look at the same code (or a copy of it with one file changed) parses only
 * what changed.
 */
final class HclParser {

    private static final Map<String, JsonNode> BY_CONTENT = new ConcurrentHashMap<>();

    private HclParser() {
    }

    /** Parses the files (absolute paths) and returns their trees in the same order; a syntax error fails with the file named. */
    static Map<Path, JsonNode> parse(List<Path> files, Path nodeModules) {
        Map<Path, String> hashes = new LinkedHashMap<>();
        List<Path> missing = new ArrayList<>();
        for (Path file : files) {
            String hash = sha256(file);
            hashes.put(file, hash);
            if (!BY_CONTENT.containsKey(hash)) {
                missing.add(file);
            }
        }
        if (!missing.isEmpty()) {
            JsonNode parsed = NodeTool.run("hcl2json.cjs", nodeModules, missing);
            for (Path file : missing) {
                JsonNode tree = parsed.get(file.toAbsolutePath().toString());
                if (tree == null) {
                    throw new IllegalStateException("hcl2json returned nothing for " + file);
                }
                if (tree.has("__error")) {
                    throw new IllegalStateException(file + " is not valid HCL: " + tree.get("__error").asText());
                }
                BY_CONTENT.put(hashes.get(file), tree);
            }
        }
        Map<Path, JsonNode> trees = new LinkedHashMap<>();
        hashes.forEach((file, hash) -> trees.put(file, BY_CONTENT.get(hash)));
        return trees;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
