package org.faithbot.verification.recovery;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A table's content in two numbers: its item count and a SHA-256 over every item in canonical form
 * (attributes sorted by name, values typed, numbers normalised, sets sorted; items sorted), so two
 * tables holding the same items have the same checksum whatever order a scan returns them in.
 */
public record TableFingerprint(String table, long itemCount, String sha256) {

    /** Reads the whole table (a consistent Scan, every page). */
    public static TableFingerprint of(DynamoDbClient dynamoDb, String table) {
        List<String> items = new ArrayList<>();
        for (var page : dynamoDb.scanPaginator(ScanRequest.builder().tableName(table).consistentRead(true).build())) {
            page.items().forEach(item -> items.add(canonical(item)));
        }
        return of(table, items);
    }

    static TableFingerprint of(String table, List<String> canonicalItems) {
        List<String> sorted = new ArrayList<>(canonicalItems);
        sorted.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String item : sorted) {
                sha.update(item.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return new TableFingerprint(table, sorted.size(), HexFormat.of().formatHex(sha.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same items, whatever the tables are called. */
    public boolean sameContentAs(TableFingerprint other) {
        return itemCount == other.itemCount && sha256.equals(other.sha256);
    }

    public String describe() {
        return table + ": " + itemCount + " items, sha256 " + sha256.substring(0, 16) + "...";
    }

    static String canonical(Map<String, AttributeValue> item) {
        StringBuilder out = new StringBuilder("{");
        new TreeMap<>(item).forEach((name, value) -> out.append(quote(name)).append(':').append(canonical(value)).append(','));
        return out.append('}').toString();
    }

    private static String canonical(AttributeValue value) {
        return switch (value.type()) {
            case S -> "S" + quote(value.s());
            case N -> "N" + number(value.n());
            case B -> "B" + Base64.getEncoder().encodeToString(value.b().asByteArray());
            case BOOL -> "BOOL" + value.bool();
            case NUL -> "NULL";
            case SS -> "SS" + value.ss().stream().map(TableFingerprint::quote).sorted().toList();
            case NS -> "NS" + value.ns().stream().map(TableFingerprint::number).sorted().toList();
            case BS -> "BS" + value.bs().stream().map(b -> Base64.getEncoder().encodeToString(b.asByteArray())).sorted().toList();
            case L -> "L" + value.l().stream().map(TableFingerprint::canonical).toList();
            case M -> "M" + canonical(value.m());
            case UNKNOWN_TO_SDK_VERSION -> "?" + value;
        };
    }

    private static String number(String n) {
        return new BigDecimal(n).stripTrailingZeros().toPlainString();
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
