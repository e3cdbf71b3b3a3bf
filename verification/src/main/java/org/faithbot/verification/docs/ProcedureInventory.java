package org.faithbot.verification.docs;

import com.fasterxml.jackson.databind.JsonNode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The procedures inventory (docs/operations/procedures.md): each procedure the requirements name, mapped to a
 * document section (which must exist) or to a sign-off item of launch/sign-offs.yaml (which must be in the ledger).
 */
public final class ProcedureInventory {

    public static final Path INVENTORY = Path.of("docs/operations/procedures.md");
    static final Path SIGN_OFFS = Path.of("launch/sign-offs.yaml");

    /** The requirements' launch-preparation lists, item by item (list to item key to the item in words). */
    public static final String PREPARATION = "launch/preparation.yaml";

    /**
     * @param uncovered the launch-preparation items no documented entry covers, as "list: item"
     * @param unknown   the items entries name that the launch-preparation lists do not have
     */
    public record Result(int procedures, int documented, List<String> undocumented, int items, List<String> uncovered, List<String> unknown) {
        public double percent() {
            return procedures == 0 ? 0 : 100.0 * documented / procedures;
        }
    }

    private ProcedureInventory() {
    }

    public static Result check(Path root) {
        Path inventory = root.resolve(INVENTORY);
        JsonNode entries = MarkdownDocument.read(inventory).yamlBlock().path("procedures");
        String ledger = MarkdownDocument.read(root.resolve(SIGN_OFFS)).text();
        Map<String, String> items = preparationItems();
        Set<String> covered = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        List<String> undocumented = new ArrayList<>();
        int documented = 0;
        for (JsonNode entry : entries) {
            String procedure = entry.path("procedure").asText();
            String problem;
            if (entry.hasNonNull("doc")) {
                String problemOfLink = LinkCheck.problem(root, root.resolve("x"), entry.path("doc").asText());
                problem = problemOfLink == null ? null : entry.path("doc").asText() + ": " + problemOfLink;
            } else if (entry.hasNonNull("signOff")) {
                problem = ledger.contains("item: \"" + entry.path("signOff").asText() + "\"") ? null
                        : "no sign-off item \"" + entry.path("signOff").asText() + "\" in " + SIGN_OFFS;
            } else {
                problem = "maps to no document and no sign-off item";
            }
            if (problem == null) {
                documented++;
                entry.path("covers").forEach(item -> (items.containsKey(item.asText()) ? covered : unknown).add(item.asText()));
            } else {
                undocumented.add(procedure + " (" + problem + ")");
            }
        }
        List<String> uncovered = items.entrySet().stream().filter(i -> !covered.contains(i.getKey())).map(i -> i.getValue() + ": " + i.getKey()).toList();
        return new Result(entries.size(), documented, undocumented, items.size(), uncovered, List.copyOf(unknown));
    }

    /** Item key to "list: the item in words", from {@value #PREPARATION} on the class path. */
    static Map<String, String> preparationItems() {
        try (InputStream in = ProcedureInventory.class.getClassLoader().getResourceAsStream(PREPARATION)) {
            if (in == null) {
                throw new IllegalStateException(PREPARATION + " is not on the class path");
            }
            Map<String, String> items = new LinkedHashMap<>();
            new ObjectMapper(new YAMLFactory()).readTree(in).path("lists").properties().forEach(list -> list.getValue().properties()
                    .forEach(item -> items.put(item.getKey(), list.getKey() + " / " + item.getValue().asText())));
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
