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
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.TableDefinition;
import org.faithbot.chatbot.system.dynamodb.UserKeyedTables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;

/**
 * Erases everything of a user (right to erasure), in this order, so a failure half-way leaves what
 * a retry needs: first the data about the user in other users' partitions
 * ({@link RelatedDataOfUser}, found from the user's own items), then every item of every table of
 * {@code tables.json} that holds personal data and is keyed by {@code userId}, through the
 * repository that owns the table ({@link UserKeyedTables}: Query of the partition, keys only, then
 * BatchWriteItem deletes of 25 with retries; index entries go with their items), the profile last;
 * then the user's entries in every in-process cache ({@link PersonalDataCache}). No Scan. The
 * erasure is written to the privacy audit trail, which holds no personal data. Erasing again deletes
 * nothing and reports zero counts.
 */
@Service
public class AccountEraser {

    private static final Logger log = LoggerFactory.getLogger(AccountEraser.class);

    private final TableCatalog catalog;

    private final UserKeyedTables tables;

    private final List<RelatedDataOfUser> related;

    private final List<PersonalDataCache> caches;

    private final PrivacyAuditTrail audit;

    private final Pseudonyms pseudonyms;

    private final Clock clock;

    private final List<TableDefinition> erasable;

    AccountEraser(TableCatalog catalog, UserKeyedTables tables, List<RelatedDataOfUser> related,
            List<PersonalDataCache> caches, PrivacyAuditTrail audit, Pseudonyms pseudonyms, Clock clock) {
        this.catalog = catalog;
        this.tables = tables;
        this.related = related;
        this.caches = caches;
        this.audit = audit;
        this.pseudonyms = pseudonyms;
        this.clock = clock;
        List<TableDefinition> erasable = new ArrayList<>();
        for (TableDefinition table : catalog.tables()) {
            if (!table.holdsPersonalData()) {
                continue;
            }
            if (UserKeyedTables.keyedByUser(table)) {
                erasable.add(table);
            }
            else {
                log.warn("Table {} holds personal data but is not keyed by userId: erasure cannot cover it",
                        table.name());
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
        for (TableDefinition table : this.catalog.tables()) {
            if (this.erasable.contains(table)) {
                deleted.put(table.name(), 0);
            }
        }
        for (TableDefinition table : this.erasable) {
            deleted.put(table.name(), this.tables.of(table).deleteAllOf(userId));
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
}
