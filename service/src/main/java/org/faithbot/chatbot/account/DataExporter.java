package org.faithbot.chatbot.account;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.faithbot.chatbot.privacy.PrivacyAction;
import org.faithbot.chatbot.privacy.PrivacyAuditTrail;
import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.dynamodb.AttributeValues;
import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.TableDefinition;
import org.faithbot.chatbot.system.dynamodb.UserKeyedTables;

import org.springframework.stereotype.Service;

/**
 * Exports everything held about a user (GDPR Art. 15 and 20), machine-readable: the profile
 * (GetItem) and, for every other table of {@code tables.json} that holds personal data, all the
 * user's items with every stored attribute (Query of their partition, every page, strongly
 * consistent; no Scan), under the table's name in camel case ({@code messages} oldest first); each
 * table is read by the repository that owns it ({@link UserKeyedTables}). Then the data about the
 * user held in other users' partitions ({@link RelatedDataOfUser}) and the user's own privacy audit
 * entries. Expired items are left out. The export is itself audited.
 */
@Service
public class DataExporter {

    public static final String FORMAT = "faithbot-export/2";

    private static final Comparator<Map<String, Object>> OLDEST_FIRST = Comparator
        .comparing((Map<String, Object> message) -> createdAt(message))
        .thenComparing(message -> String.valueOf(message.get("messageKey")));

    private final ProfileRepository profiles;

    private final TableCatalog catalog;

    private final UserKeyedTables tables;

    private final List<RelatedDataOfUser> related;

    private final PrivacyAuditTrail audit;

    private final Clock clock;

    DataExporter(ProfileRepository profiles, TableCatalog catalog, UserKeyedTables tables,
            List<RelatedDataOfUser> related, PrivacyAuditTrail audit, Clock clock) {
        this.profiles = profiles;
        this.catalog = catalog;
        this.tables = tables;
        this.related = related;
        this.audit = audit;
        this.clock = clock;
    }

    public Map<String, Object> export(String userId) {
        Instant now = this.clock.instant();
        Map<String, Object> export = new LinkedHashMap<>();
        export.put("format", FORMAT);
        export.put("userId", userId);
        export.put("exportedAt", Timestamps.format(now));
        export.put("profile", this.profiles.find(userId).map(AttributeValues::toPlainMap).orElse(null));
        Map<String, String> counts = new LinkedHashMap<>();
        for (TableDefinition table : this.catalog.tables()) {
            if (!table.holdsPersonalData() || !table.hasSortKey() || !UserKeyedTables.keyedByUser(table)) {
                continue;
            }
            List<Map<String, Object>> items = partition(table, userId, now);
            if (TableCatalog.MESSAGES.equals(table.name())) {
                items.sort(OLDEST_FIRST);
            }
            export.put(camelCase(table.name()), items);
            counts.put(table.name(), String.valueOf(items.size()));
        }
        for (RelatedDataOfUser data : this.related) {
            export.put(data.name(), data.export(userId));
        }
        export.put("privacyAudit", this.audit.entriesOf(userId, 1000));
        this.audit.record(userId, PrivacyAction.DATA_EXPORTED, counts);
        return export;
    }

    private List<Map<String, Object>> partition(TableDefinition table, String userId, Instant now) {
        List<Map<String, Object>> items = new ArrayList<>();
        this.tables.of(table)
            .itemsOf(userId)
            .stream()
            .filter(item -> !Items.expired(item, now))
            .forEach(item -> items.add(AttributeValues.toPlainMap(item)));
        return items;
    }

    static String camelCase(String tableName) {
        StringBuilder name = new StringBuilder();
        boolean upper = false;
        for (char c : tableName.toCharArray()) {
            if (c == '-' || c == '_') {
                upper = true;
            }
            else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.toString();
    }

    private static Instant createdAt(Map<String, Object> message) {
        if (message.get("createdAt") instanceof String text) {
            try {
                return Instant.parse(text);
            }
            catch (DateTimeParseException ex) {
                return Instant.MIN;
            }
        }
        return Instant.MIN;
    }
}
