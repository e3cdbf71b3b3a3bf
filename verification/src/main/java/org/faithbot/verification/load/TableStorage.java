package org.faithbot.verification.load;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * What a table stores, measured by reading it (a Scan of every page: the local DynamoDB keeps no size statistics, and
 * DynamoDB's own {@code TableSizeBytes} is refreshed only every six hours): its items and their size by DynamoDB's
 * item-size rules (attribute names in UTF-8 bytes plus each value: strings in UTF-8 bytes, numbers about one byte
 * per two significant digits plus one, binaries their length, booleans and nulls one byte, lists and maps three
 * bytes plus one per element plus their elements), in total and for the items of a given set of members
 * (by their {@code userId}). For the local target after a load: never on a production table.
 */
public record TableStorage(String table, long items, long bytes, long memberItems, long memberBytes) {

    public static TableStorage of(DynamoDbClient dynamoDb, String table, Set<String> members) {
        long items = 0;
        long bytes = 0;
        long memberItems = 0;
        long memberBytes = 0;
        for (var page : dynamoDb.scanPaginator(ScanRequest.builder().tableName(table).build())) {
            for (Map<String, AttributeValue> item : page.items()) {
                long size = size(item);
                items++;
                bytes += size;
                AttributeValue owner = item.get("userId");
                if (owner != null && owner.s() != null && members.contains(owner.s())) {
                    memberItems++;
                    memberBytes += size;
                }
            }
        }
        return new TableStorage(table, items, bytes, memberItems, memberBytes);
    }

    /** An item's size as DynamoDB counts it for storage (the 100 bytes of per-item index overhead not included). */
    static long size(Map<String, AttributeValue> item) {
        long size = 0;
        for (Map.Entry<String, AttributeValue> attribute : item.entrySet()) {
            size += utf8(attribute.getKey()) + size(attribute.getValue());
        }
        return size;
    }

    private static long size(AttributeValue value) {
        return switch (value.type()) {
            case S -> utf8(value.s());
            case N -> number(value.n());
            case B -> value.b().asByteArray().length;
            case BOOL, NUL -> 1;
            case SS -> value.ss().stream().mapToLong(TableStorage::utf8).sum();
            case NS -> value.ns().stream().mapToLong(TableStorage::number).sum();
            case BS -> value.bs().stream().map(SdkBytes::asByteArray).mapToLong(b -> b.length).sum();
            case L -> 3 + value.l().stream().mapToLong(element -> 1 + size(element)).sum();
            case M -> 3 + value.m().entrySet().stream().mapToLong(e -> 1 + utf8(e.getKey()) + size(e.getValue())).sum();
            case UNKNOWN_TO_SDK_VERSION -> 0;
        };
    }

    private static long utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8).length;
    }

    /** Numbers: up to 38 significant digits stored in about half as many bytes, plus one. */
    private static long number(String n) {
        BigDecimal decimal = new BigDecimal(n).stripTrailingZeros();
        int digits = Math.max(1, decimal.precision());
        return (digits + 1) / 2 + 1;
    }
}
