package org.faithbot.chatbot.system.dynamodb;

import java.util.List;
import java.util.NoSuchElementException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import org.jspecify.annotations.Nullable;

/**
 * One table of {@code dynamodb/tables.json}: its logical name, keys, TTL attribute, whether it
 * holds personal data (then export and erasure cover it) and its global secondary indexes.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TableDefinition(String name, KeyAttribute partitionKey, @Nullable KeyAttribute sortKey,
        @Nullable String ttlAttribute, boolean holdsPersonalData,
        @Nullable List<GlobalSecondaryIndex> globalSecondaryIndexes) {

    public TableDefinition {
        globalSecondaryIndexes = (globalSecondaryIndexes != null) ? List.copyOf(globalSecondaryIndexes) : List.of();
    }

    public TableDefinition(String name, KeyAttribute partitionKey, @Nullable KeyAttribute sortKey,
            @Nullable String ttlAttribute, boolean holdsPersonalData) {
        this(name, partitionKey, sortKey, ttlAttribute, holdsPersonalData, List.of());
    }

    public boolean hasSortKey() {
        return this.sortKey != null;
    }

    public boolean hasTtl() {
        return this.ttlAttribute != null && !this.ttlAttribute.isBlank();
    }

    public GlobalSecondaryIndex index(String indexName) {
        return this.globalSecondaryIndexes.stream()
            .filter(index -> index.name().equals(indexName))
            .findFirst()
            .orElseThrow(() -> new NoSuchElementException("table '" + this.name + "' has no index '" + indexName + "'"));
    }

    /** A key attribute: its name and DynamoDB scalar type ({@code S}, {@code N} or {@code B}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record KeyAttribute(String name, String type) {
    }

    /**
     * A global secondary index: its keys and projection ({@code ALL} or {@code KEYS_ONLY}).
     * Indexes serve the cross-user listings only (queues, feeds, look-ups by id); everything of one
     * user is read from the base table's partition, strongly consistent.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GlobalSecondaryIndex(String name, KeyAttribute partitionKey, @Nullable KeyAttribute sortKey,
            @Nullable String projection) {

        public GlobalSecondaryIndex {
            projection = (projection != null && !projection.isBlank()) ? projection : "ALL";
        }

        public boolean hasSortKey() {
            return this.sortKey != null;
        }
    }
}
