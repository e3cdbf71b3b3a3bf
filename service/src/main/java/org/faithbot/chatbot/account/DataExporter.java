package org.faithbot.chatbot.account;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.dynamodb.AttributeValues;
import org.faithbot.chatbot.system.dynamodb.DocumentTables;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

import org.springframework.stereotype.Service;

/**
 * Exports everything held about a user: the profile (GetItem) and all messages (Query on the
 * partition key, every page, strongly consistent), oldest first. No Scan.
 */
@Service
public class DataExporter {

    private static final Comparator<Map<String, Object>> OLDEST_FIRST = Comparator
        .comparing((Map<String, Object> message) -> createdAt(message))
        .thenComparing(message -> String.valueOf(message.get("messageKey")));

    private final DynamoDbTable<EnhancedDocument> users;

    private final DynamoDbTable<EnhancedDocument> messages;

    private final Clock clock;

    DataExporter(DocumentTables tables, Clock clock) {
        this.users = tables.table(TableCatalog.USERS);
        this.messages = tables.table(TableCatalog.MESSAGES);
        this.clock = clock;
    }

    public DataExport export(String userId) {
        Instant now = this.clock.instant();
        EnhancedDocument profile = this.users
            .getItem(request -> request.key(Key.builder().partitionValue(userId).build()).consistentRead(true));
        List<Map<String, Object>> messages = this.messages
            .query(QueryEnhancedRequest.builder()
                .queryConditional(QueryConditional.keyEqualTo(Key.builder().partitionValue(userId).build()))
                .consistentRead(true)
                .build())
            .items()
            .stream()
            .map(message -> AttributeValues.toPlainMap(message.toMap()))
            .sorted(OLDEST_FIRST)
            .toList();
        return new DataExport(DataExport.FORMAT, userId, Timestamps.format(now),
                (profile != null) ? AttributeValues.toPlainMap(profile.toMap()) : null, messages);
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
