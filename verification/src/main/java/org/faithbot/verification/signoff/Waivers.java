package org.faithbot.verification.signoff;

import com.fasterxml.jackson.databind.JsonNode;
import org.faithbot.verification.catalogue.CriteriaCatalogue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The waivers ({@code launch/waivers.yaml}): known failures accepted for the launch, validated by schema, against the
 * catalogue and by dates. A waiver applies between the day it was granted and its expiry; a waived criterion shows
 * WAIVED, never PASSED.
 */
public final class Waivers {

    public static final Path FILE = Path.of("launch/waivers.yaml");
    public static final Path SCHEMA = Path.of("launch/waivers.schema.json");

    private final List<Waiver> waivers;

    private Waivers(List<Waiver> waivers) {
        this.waivers = List.copyOf(waivers);
    }

    public static Waivers none() {
        return new Waivers(List.of());
    }

    public static Waivers of(Path projectRoot, CriteriaCatalogue catalogue) {
        return read(projectRoot.resolve(FILE), projectRoot.resolve(SCHEMA), catalogue);
    }

    public static Waivers read(Path file, Path schema, CriteriaCatalogue catalogue) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the waivers file " + file + " is missing (an empty list is written waivers: [])");
        }
        List<Waiver> waivers = new ArrayList<>();
        for (JsonNode n : LedgerFile.read(file, schema).path("waivers")) {
            Waiver w = new Waiver(n.path("criterion").asText(), n.path("owner").asText(), n.path("reason").asText(),
                    LedgerFile.date(n, "granted", file), LedgerFile.date(n, "expiry", file), LedgerFile.text(n, "record"));
            if (catalogue.find(w.criterion()).isEmpty()) {
                throw new IllegalStateException(file + ": a waiver names " + w.criterion() + ", which is no criterion of the catalogue");
            }
            if (!w.expiry().isAfter(w.granted())) {
                throw new IllegalStateException(file + ": the waiver of " + w.criterion() + " expires on " + w.expiry() + ", not after it was granted");
            }
            if (waivers.stream().anyMatch(x -> x.criterion().equals(w.criterion()))) {
                throw new IllegalStateException(file + " waives " + w.criterion() + " twice");
            }
            waivers.add(w);
        }
        return new Waivers(waivers);
    }

    /** The waiver of a criterion in force on {@code day}. */
    public Optional<Waiver> activeFor(String criterionId, LocalDate day) {
        return waivers.stream().filter(w -> w.criterion().equals(criterionId) && w.activeOn(day)).findFirst();
    }

    public List<Waiver> all() {
        return waivers;
    }
}
