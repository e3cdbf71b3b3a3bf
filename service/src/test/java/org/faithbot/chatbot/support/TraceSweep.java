package org.faithbot.chatbot.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.TableDefinition;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;

/**
 * Reads every item of every table (a test-only Scan, as the harness's erasure check does) and
 * reports where any of the given strings (a user's id, e-mail, name, texts) appears, at any depth,
 * case-insensitively.
 */
public final class TraceSweep {

    private TraceSweep() {
    }

    public static List<String> tracesOf(Set<String> needles) {
        List<String> traces = new ArrayList<>();
        try (DynamoDbClient dynamoDb = Dynalite.shared().client()) {
            for (TableDefinition table : TableCatalog.load(Dynalite.TABLE_PREFIX).tables()) {
                Map<String, AttributeValue> start = null;
                do {
                    Map<String, AttributeValue> from = start;
                    ScanResponse page = dynamoDb.scan(request -> request.tableName(Tables.name(table.name()))
                        .exclusiveStartKey(from)
                        .consistentRead(true));
                    for (Map<String, AttributeValue> item : page.items()) {
                        item.forEach((name, value) -> find(table.name() + "." + name, value, needles, traces));
                    }
                    start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
                }
                while (start != null);
            }
        }
        return traces;
    }

    private static void find(String where, AttributeValue value, Set<String> needles, List<String> traces) {
        if (value.s() != null) {
            String text = value.s().toLowerCase(Locale.ROOT);
            for (String needle : needles) {
                if (text.contains(needle.toLowerCase(Locale.ROOT))) {
                    traces.add(where + " holds '" + needle + "'");
                }
            }
        }
        if (value.hasL()) {
            for (int i = 0; i < value.l().size(); i++) {
                find(where + "[" + i + "]", value.l().get(i), needles, traces);
            }
        }
        if (value.hasM()) {
            value.m().forEach((name, nested) -> find(where + "." + name, nested, needles, traces));
        }
        if (value.hasSs()) {
            value.ss().forEach(element -> find(where, AttributeValue.fromS(element), needles, traces));
        }
    }
}
