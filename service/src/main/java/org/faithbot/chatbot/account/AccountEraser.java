package org.faithbot.chatbot.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.dynamodb.BatchDeleter;
import org.faithbot.chatbot.system.dynamodb.DocumentTables;
import org.faithbot.chatbot.system.dynamodb.TableDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.stereotype.Service;

/**
 * Erases every item of a user from every table of {@code tables.json} that holds personal data
 * and is keyed by {@code userId} (right to erasure): tables with a sort key first (Query by
 * partition key, keys only, then BatchWriteItem deletes of 25 with retries), then the tables keyed
 * by the user alone (the profile), so a failure half-way leaves the profile for a retry. No Scan.
 * Erasing again deletes nothing and reports zero counts.
 */
@Service
public class AccountEraser {

    static final String USER_ID = "userId";

    private static final Logger log = LoggerFactory.getLogger(AccountEraser.class);

    private final DocumentTables tables;

    private final BatchDeleter batchDeleter;

    private final Clock clock;

    private final List<TableDefinition> erasable;

    AccountEraser(DocumentTables tables, BatchDeleter batchDeleter, Clock clock) {
        this.tables = tables;
        this.batchDeleter = batchDeleter;
        this.clock = clock;
        List<TableDefinition> erasable = new ArrayList<>();
        for (TableDefinition table : tables.catalog().tables()) {
            if (!table.holdsPersonalData()) {
                continue;
            }
            if (USER_ID.equals(table.partitionKey().name())) {
                erasable.add(table);
            }
            else {
                log.warn("Table {} holds personal data but is not keyed by {}: erasure cannot cover it",
                        table.name(), USER_ID);
            }
        }
        erasable.sort(Comparator.comparing(table -> table.hasSortKey() ? 0 : 1));
        this.erasable = List.copyOf(erasable);
    }

    public ErasureReport erase(String userId) {
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (TableDefinition table : this.tables.catalog().tables()) {
            if (this.erasable.contains(table)) {
                deleted.put(table.name(), 0);
            }
        }
        for (TableDefinition table : this.erasable) {
            deleted.put(table.name(), table.hasSortKey() ? eraseCollection(table, userId) : eraseItem(table, userId));
        }
        log.info("Erased the data of user {}: {}", userId, deleted);
        return new ErasureReport(userId, Timestamps.format(this.clock.instant()), deleted);
    }

    private int eraseCollection(TableDefinition definition, String userId) {
        DynamoDbTable<EnhancedDocument> table = this.tables.table(definition.name());
        String sortKey = definition.sortKey().name();
        QueryEnhancedRequest keysOfUser = QueryEnhancedRequest.builder()
            .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(userId).build()))
            .attributesToProject(definition.partitionKey().name(), sortKey)
            .consistentRead(true)
            .build();
        int deleted = 0;
        for (Page<EnhancedDocument> page : table.query(keysOfUser)) {
            List<Key> keys = page.items().stream().map(item -> key(item, definition)).toList();
            deleted += this.batchDeleter.deleteAll(table, keys);
        }
        return deleted;
    }

    private int eraseItem(TableDefinition definition, String userId) {
        EnhancedDocument old = this.tables.table(definition.name())
            .deleteItem(Key.builder().partitionValue(userId).build());
        return (old != null) ? 1 : 0;
    }

    private static Key key(EnhancedDocument item, TableDefinition definition) {
        Map<String, AttributeValue> attributes = item.toMap();
        return Key.builder()
            .partitionValue(attributes.get(definition.partitionKey().name()))
            .sortValue(attributes.get(definition.sortKey().name()))
            .build();
    }
}
