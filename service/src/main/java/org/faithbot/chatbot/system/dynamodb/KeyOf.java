package org.faithbot.chatbot.system.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The primary key of an item of a table of the catalog. */
public final class KeyOf {

    private KeyOf() {
    }

    public static Map<String, AttributeValue> item(TableDefinition table, Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        key.put(table.partitionKey().name(), item.get(table.partitionKey().name()));
        if (table.hasSortKey()) {
            key.put(table.sortKey().name(), item.get(table.sortKey().name()));
        }
        return key;
    }
}
