package org.faithbot.verification.recovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The recovery objectives as docs/recovery-objectives.md defines them: the document's one YAML
 * block is the single source the drills check against, so what the document says is what is held.
 *
 * @param production   RTO and RPO in production, by kind of disaster (in-region, region-loss)
 * @param localDrill   the local drill's own goals (a local figure, never a production one)
 * @param localBackupInterval how often the local drill backs up
 */
public record RecoveryObjectives(Map<String, Objective> production, Objective localDrill, Duration localBackupInterval) {

    public static final String DOCUMENT = "docs/recovery-objectives.md";
    private static final Pattern YAML_BLOCK = Pattern.compile("```yaml\\R(.*?)```", Pattern.DOTALL);

    public record Objective(Duration rto, Duration rpo) {
    }

    public static RecoveryObjectives load(Path projectRoot) {
        Path document = projectRoot.resolve(DOCUMENT);
        try {
            return parse(Files.readString(document));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recovery objectives " + document, e);
        }
    }

    static RecoveryObjectives parse(String markdown) {
        Matcher block = YAML_BLOCK.matcher(markdown);
        while (block.find()) {
            try {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(block.group(1));
                if (root != null && root.has("local-drill") && root.has("production")) {
                    Map<String, Objective> production = new LinkedHashMap<>();
                    root.get("production").properties().forEach(e -> production.put(e.getKey(), objective(e.getValue())));
                    JsonNode local = root.get("local-drill");
                    return new RecoveryObjectives(Map.copyOf(production), objective(local), duration(local, "backup-interval"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the objectives block of " + DOCUMENT + " is not valid YAML", e);
            }
        }
        throw new IllegalStateException(DOCUMENT + " has no ```yaml block with production and local-drill objectives");
    }

    private static Objective objective(JsonNode node) {
        return new Objective(duration(node, "rto"), duration(node, "rpo"));
    }

    private static Duration duration(JsonNode node, String field) {
        if (!node.hasNonNull(field)) {
            throw new IllegalStateException(DOCUMENT + ": '" + field + "' is missing in " + node);
        }
        return Duration.parse(node.get(field).asText());
    }

    public Objective production(String disaster) {
        Objective objective = production.get(disaster);
        if (objective == null) {
            throw new IllegalArgumentException("no production objective for '" + disaster + "' in " + DOCUMENT + ": " + production.keySet());
        }
        return objective;
    }
}
