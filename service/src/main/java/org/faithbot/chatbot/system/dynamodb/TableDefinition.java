package org.faithbot.chatbot.system.dynamodb;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One table of {@code dynamodb/tables.json}: its logical name, keys, TTL attribute and whether it
 * holds personal data (then export and erasure cover it).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableDefinition(String name, KeyAttribute partitionKey, @Nullable KeyAttribute sortKey,
        @Nullable String ttlAttribute, boolean holdsPersonalData) {

    public boolean hasSortKey() {
        return this.sortKey != null;
    }

    /** A key attribute: its name and DynamoDB scalar type ({@code S}, {@code N} or {@code B}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KeyAttribute(String name, String type) {
    }
}
