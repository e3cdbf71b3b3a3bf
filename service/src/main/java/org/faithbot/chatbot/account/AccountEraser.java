package org.faithbot.chatbot.account;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.faithbot.chatbot.privacy.PrivacyAction;
import org.faithbot.chatbot.privacy.PrivacyAuditTrail;
import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.cache.PersonalDataCache;
import org.faithbot.chatbot.system.crypto.Pseudonyms;
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
 * Erases everything of a user (right to erasure), in this order, so a failure half-way leaves what
 * a retry needs: first the data about the user in other users' partitions
 * ({@link RelatedDataOfUser}, found from the user's own items), then every item of every table of
 * {@code tables.json} that holds personal data and is keyed by {@code userId} (Query of the
 * partition, keys only, then BatchWriteItem deletes of 25 with retries; index entries go with their
 * items), the profile last; then the user's entries in every in-process cache
 * ({@link PersonalDataCache}). No Scan. The erasure is written to the privacy audit trail, which holds
 * no personal data. Erasing again deletes nothing and reports zero counts.
 */
@Service
public class AccountEraser {

    static final String USER_ID = "userId";

    private static final Logger log = LoggerFactory.getLogger(AccountEraser.class);

    private final DocumentTables tables;

    private final BatchDeleter batchDeleter;

    private final List<RelatedDataOfUser> related;

    private final List<PersonalDataCache> caches;

    private final PrivacyAuditTrail audit;

    private final Pseudonyms pseudonyms;

    private final Clock clock;

    private final List<TableDefinition> erasable;

    AccountEraser(DocumentTables tables, BatchDeleter batchDeleter, List<RelatedDataOfUser> related,
            List<PersonalDataCache> caches, PrivacyAuditTrail audit, Pseudonyms pseudonyms, Clock clock) {
        this.tables = tables;
        this.batchDeleter = batchDeleter;
        this.related = related;
        this.caches = caches;
        this.audit = audit;
        this.pseudonyms = pseudonyms;
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
        Map<String, Integer> relatedDeleted = new LinkedHashMap<>();
        for (RelatedDataOfUser data : this.related) {
            relatedDeleted.put(data.name(), data.erase(userId));
        }
        Map<String, Integer> deleted = new LinkedHashMap<>();
        for (TableDefinition table : this.tables.catalog().tables()) {
            if (this.erasable.contains(table)) {
                deleted.put(table.name(), 0);
            }
        }
        for (TableDefinition table : this.erasable) {
            deleted.put(table.name(), table.hasSortKey() ? eraseCollection(table, userId) : eraseItem(table, userId));
        }
        List<String> cachesCleared = new ArrayList<>();
        for (PersonalDataCache cache : this.caches) {
            cache.evict(userId);
            cachesCleared.add(cache.cacheName());
        }
        Map<String, String> details = new LinkedHashMap<>();
        deleted.forEach((table, count) -> details.put(table, String.valueOf(count)));
        relatedDeleted.forEach((name, count) -> details.put(name, String.valueOf(count)));
        this.audit.record(userId, PrivacyAction.DATA_ERASED, details);
        log.info("Erased the data of user {}: {}, related {}", this.pseudonyms.ofUser(userId), deleted, relatedDeleted);
        return new ErasureReport(userId, Timestamps.format(this.clock.instant()), deleted, relatedDeleted, cachesCleared);
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
