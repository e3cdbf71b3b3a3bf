package org.faithbot.verification.docs;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The procedures inventory (docs/operations/procedures.md): each procedure the requirements name, mapped to a
 * document section (which must exist) or to a sign-off item of launch/sign-offs.yaml (which must be in the ledger).
 */
public final class ProcedureInventory {

    public static final Path INVENTORY = Path.of("docs/operations/procedures.md");
    static final Path SIGN_OFFS = Path.of("launch/sign-offs.yaml");

    public record Result(int procedures, int documented, List<String> undocumented) {
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
            } else {
                undocumented.add(procedure + " (" + problem + ")");
            }
        }
        return new Result(entries.size(), documented, undocumented);
    }
}
