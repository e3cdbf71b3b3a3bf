package org.faithbot.verification.signoff;

import com.fasterxml.jackson.databind.JsonNode;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.Criterion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The sign-off ledger ({@code launch/sign-offs.yaml}): the items only a person can attest, validated by its schema,
 * against the catalogue (each item's criterion exists and demands sign-off; each sign-off criterion has an item) and by
 * its dates (signed no later than today, expiring after it was signed). A criterion is signed off when every item of
 * it is signed and unexpired.
 */
public final class SignOffLedger {

    public static final Path FILE = Path.of("launch/sign-offs.yaml");
    public static final Path SCHEMA = Path.of("launch/sign-offs.schema.json");

    private final List<SignOff> items;

    private SignOffLedger(List<SignOff> items) {
        this.items = List.copyOf(items);
    }

    /** A ledger with no item: every sign-off criterion awaits its sign-off. */
    public static SignOffLedger empty() {
        return new SignOffLedger(List.of());
    }

    /** The project's ledger, checked against the catalogue and today's date. */
    public static SignOffLedger of(Path projectRoot, CriteriaCatalogue catalogue, LocalDate today) {
        return read(projectRoot.resolve(FILE), projectRoot.resolve(SCHEMA), catalogue, today);
    }

    public static SignOffLedger read(Path file, Path schema, CriteriaCatalogue catalogue, LocalDate today) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the sign-off ledger " + file + " is missing");
        }
        JsonNode root = LedgerFile.read(file, schema);
        List<SignOff> items = new ArrayList<>();
        for (JsonNode n : root.path("signOffs")) {
            SignOff s = new SignOff(n.path("item").asText(), n.path("criterion").asText(), n.path("role").asText(),
                    LedgerFile.text(n, "name"), LedgerFile.date(n, "date", file), LedgerFile.date(n, "expiry", file), LedgerFile.text(n, "record"));
            Criterion criterion = catalogue.find(s.criterion()).orElseThrow(() -> new IllegalStateException(
                    file + ": '" + s.item() + "' names " + s.criterion() + ", which is no criterion of the catalogue"));
            if (!criterion.needsSignOff()) {
                throw new IllegalStateException(file + ": '" + s.item() + "' is for " + s.criterion() + ", whose required level is "
                        + criterion.level() + ", not sign-off: a signature cannot stand in for its evidence");
            }
            if (s.name() != null) {
                if (s.date().isAfter(today)) {
                    throw new IllegalStateException(file + ": '" + s.item() + "' is dated " + s.date() + ", after today (" + today + ")");
                }
                if (!s.expiry().isAfter(s.date())) {
                    throw new IllegalStateException(file + ": '" + s.item() + "' expires on " + s.expiry() + ", not after it was signed (" + s.date() + ")");
                }
            }
            items.add(s);
        }
        for (Criterion c : catalogue.all()) {
            if (c.needsSignOff() && items.stream().noneMatch(s -> s.criterion().equals(c.id()))) {
                throw new IllegalStateException(file + " has no item for " + c.id() + " (" + c.title() + "), which only a sign-off proves");
            }
        }
        return new SignOffLedger(items);
    }

    /** The items of one criterion. */
    public List<SignOff> itemsOf(String criterionId) {
        return items.stream().filter(s -> s.criterion().equals(criterionId)).toList();
    }

    /** Whether every item of the criterion is signed and unexpired on {@code day} (false when it has none). */
    public boolean signedOff(String criterionId, LocalDate day) {
        List<SignOff> of = itemsOf(criterionId);
        return !of.isEmpty() && of.stream().allMatch(s -> s.stateOn(day) == SignOff.State.SIGNED);
    }

    public List<SignOff> items() {
        return items;
    }
}
