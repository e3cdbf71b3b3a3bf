package org.faithbot.verification.recovery;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Counts and checksums of the service's tables under a prefix, compared, when expected figures are
 * given, with those of the source tables at backup time (a fingerprints file keyed by logical table
 * name: {"messages": {"itemCount": 42, "sha256": "..."}}).
 */
public final class TableVerification {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final RecoveryDriver driver;
    private final List<String> logicalTables;

    public TableVerification(RecoveryDriver driver, List<String> logicalTables) {
        this.driver = driver;
        this.logicalTables = List.copyOf(logicalTables);
    }

    public record Expected(long itemCount, String sha256) {
    }

    /**
     * @param actual     by logical table name
     * @param mismatches one line per table whose count or checksum differs from the expected one
     */
    public record Report(String prefix, Map<String, TableFingerprint> actual, Map<String, Expected> expected, List<String> mismatches) {

        public boolean matches() {
            return mismatches.isEmpty();
        }

        public String describe() {
            String tables = actual.values().stream().map(f -> "  " + f.describe()).collect(Collectors.joining("\n"));
            if (expected.isEmpty()) {
                return tables;
            }
            return tables + "\n" + (matches() ? "  every table matches its source at backup time"
                    : "  DIFFERENT from the source at backup time:\n    " + String.join("\n    ", mismatches));
        }
    }

    public Report verify(String prefix, Map<String, Expected> expected) {
        Map<String, TableFingerprint> actual = new LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        for (String table : logicalTables) {
            TableFingerprint fingerprint = TableFingerprint.of(driver.dynamoDb(), prefix + table);
            actual.put(table, fingerprint);
            Expected wanted = expected.get(table);
            if (wanted != null && (wanted.itemCount() != fingerprint.itemCount() || !wanted.sha256().equals(fingerprint.sha256()))) {
                mismatches.add(table + ": " + fingerprint.itemCount() + " items, sha256 " + fingerprint.sha256() + "; expected "
                        + wanted.itemCount() + " items, sha256 " + wanted.sha256());
            }
        }
        return new Report(prefix, actual, Map.copyOf(expected), mismatches);
    }

    /** Writes fingerprints keyed by logical table name, for a later {@code verify --expect}. */
    public static void write(Path file, Map<String, TableFingerprint> byLogicalName) {
        Map<String, Expected> expected = new LinkedHashMap<>();
        byLogicalName.forEach((table, f) -> expected.put(table, new Expected(f.itemCount(), f.sha256())));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            JSON.writeValue(file.toFile(), expected);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public static Map<String, Expected> read(Path file) {
        try {
            return JSON.readValue(file.toFile(), new TypeReference<LinkedHashMap<String, Expected>>() {
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the expected fingerprints " + file, e);
        }
    }
}
