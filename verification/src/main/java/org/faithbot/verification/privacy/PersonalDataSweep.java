package org.faithbot.verification.privacy;

import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads every table of the service directly, item by item, and reports every attribute that still
 * holds anything of a user: their id, e-mail, name, or the text of anything they wrote. This is
 * the data store's side of an erasure check, independent of what the service says about itself.
 * It scans, on purpose: it must see items no key of the service would lead to.
 */
public final class PersonalDataSweep {

    private final DynamoDbClient dynamoDb;
    private final String tablePrefix;

    public PersonalDataSweep(DynamoDbClient dynamoDb, String tablePrefix) {
        this.dynamoDb = dynamoDb;
        this.tablePrefix = tablePrefix;
    }

    public record Result(List<String> tables, long itemsRead, List<Trace> traces) {
    }

    /**
     * Every trace of any of the given fragments (case-insensitive) in any table under the prefix and in
     * each of its global secondary indexes (named {@code table/index}), read apart from the table so
     * that an index left behind by a faulty erasure is seen too.
     */
    public Result sweep(Set<String> fragments) {
        return sweep(tablesOfTheService(), fragments);
    }

    /** The same, in the service's table {@code logicalName} only (its physical name is the prefix and it). */
    public Result sweepTable(String logicalName, Set<String> fragments) {
        return sweep(List.of(tablePrefix + logicalName), fragments);
    }

    private Result sweep(List<String> tables, Set<String> fragments) {
        List<Trace> traces = new ArrayList<>();
        long items = 0;
        for (String table : tables) {
            TableDescription description = dynamoDb.describeTable(r -> r.tableName(table)).table();
            List<String> keyNames = description.keySchema().stream().map(KeySchemaElement::attributeName).toList();
            items += scan(table, null, keyNames, fragments, traces);
            for (GlobalSecondaryIndexDescription index : description.globalSecondaryIndexes()) {
                items += scan(table, index.indexName(), keyNames, fragments, traces);
            }
        }
        return new Result(tables, items, List.copyOf(traces));
    }

    private long scan(String table, String index, List<String> keyNames, Set<String> fragments, List<Trace> traces) {
        String source = index == null ? table : table + "/" + index;
        long items = 0;
        Map<String, AttributeValue> startKey = null;
        do {
            ScanResponse page = dynamoDb.scan(ScanRequest.builder().tableName(table).indexName(index).exclusiveStartKey(startKey).build());
            for (Map<String, AttributeValue> item : page.items()) {
                items++;
                String key = keyOf(item, keyNames);
                item.forEach((name, value) -> find(value, fragments, source, key, name, traces));
            }
            startKey = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (startKey != null);
        return items;
    }

    private List<String> tablesOfTheService() {
        return dynamoDb.listTablesPaginator().tableNames().stream().filter(t -> t.startsWith(tablePrefix)).sorted().toList();
    }

    private static void find(AttributeValue value, Set<String> fragments, String table, String itemKey,
                             String path, List<Trace> traces) {
        for (String text : texts(value)) {
            String lower = text.toLowerCase();
            for (String fragment : fragments) {
                if (!fragment.isBlank() && lower.contains(fragment.toLowerCase())) {
                    traces.add(new Trace(table, itemKey, path, "'" + fragment + "'"));
                }
            }
        }
        if (value.hasM()) {
            value.m().forEach((name, nested) -> find(nested, fragments, table, itemKey, path + "." + name, traces));
        }
        if (value.hasL()) {
            for (int i = 0; i < value.l().size(); i++) {
                find(value.l().get(i), fragments, table, itemKey, path + "[" + i + "]", traces);
            }
        }
    }

    /** The scalar texts of one attribute value: strings, numbers, sets, and binaries as UTF-8 and Base64. */
    private static List<String> texts(AttributeValue value) {
        List<String> texts = new ArrayList<>();
        if (value.s() != null) texts.add(value.s());
        if (value.n() != null) texts.add(value.n());
        if (value.hasSs()) texts.addAll(value.ss());
        if (value.hasNs()) texts.addAll(value.ns());
        if (value.b() != null) {
            texts.add(value.b().asUtf8String());
            texts.add(Base64.getEncoder().encodeToString(value.b().asByteArray()));
        }
        if (value.hasBs()) {
            value.bs().forEach(b -> texts.add(b.asUtf8String()));
        }
        return texts;
    }

    private static String keyOf(Map<String, AttributeValue> item, List<String> keyNames) {
        TreeMap<String, String> key = new TreeMap<>();
        for (String name : keyNames) {
            AttributeValue value = item.get(name);
            key.put(name, value == null ? "?" : value.s() != null ? value.s() : String.valueOf(value.n()));
        }
        return key.toString();
    }
}
