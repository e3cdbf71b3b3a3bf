package org.faithbot.chatbot.system.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;

import software.amazon.awssdk.enhanced.dynamodb.AttributeConverterProvider;
import software.amazon.awssdk.enhanced.dynamodb.AttributeValueType;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableMetadata;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.DocumentTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

/**
 * Enhanced-client tables of documents, one per table of the catalog: items are read and written
 * as {@link EnhancedDocument}s, so every stored attribute is kept (export shows them all).
 */
public class DocumentTables {

    private final TableCatalog catalog;
    private final Map<String, DynamoDbTable<EnhancedDocument>> tables = new LinkedHashMap<>();

    public DocumentTables(DynamoDbEnhancedClient client, TableCatalog catalog) {
        this.catalog = catalog;
        for (TableDefinition definition : catalog.tables()) {
            this.tables.put(definition.name(), client.table(catalog.physicalName(definition), schema(definition)));
        }
    }

    /** The table of a logical name of {@code tables.json} (e.g. {@code messages}). */
    public DynamoDbTable<EnhancedDocument> table(String logicalName) {
        DynamoDbTable<EnhancedDocument> table = this.tables.get(logicalName);
        if (table == null) {
            throw new NoSuchElementException("no table '" + logicalName + "' in " + TableCatalog.RESOURCE);
        }
        return table;
    }

    public TableCatalog catalog() {
        return this.catalog;
    }

    /** A new document builder with the default attribute converters. */
    public static EnhancedDocument.Builder newDocument() {
        return EnhancedDocument.builder().attributeConverterProviders(AttributeConverterProvider.defaultProvider());
    }

    private static DocumentTableSchema schema(TableDefinition definition) {
        DocumentTableSchema.Builder schema = TableSchema.documentSchemaBuilder()
            .attributeConverterProviders(AttributeConverterProvider.defaultProvider())
            .addIndexPartitionKey(TableMetadata.primaryIndexName(), definition.partitionKey().name(),
                    type(definition.partitionKey()));
        if (definition.sortKey() != null) {
            schema.addIndexSortKey(TableMetadata.primaryIndexName(), definition.sortKey().name(),
                    type(definition.sortKey()));
        }
        for (TableDefinition.GlobalSecondaryIndex index : definition.globalSecondaryIndexes()) {
            schema.addIndexPartitionKey(index.name(), index.partitionKey().name(), type(index.partitionKey()));
            if (index.sortKey() != null) {
                schema.addIndexSortKey(index.name(), index.sortKey().name(), type(index.sortKey()));
            }
        }
        return schema.build();
    }

    private static AttributeValueType type(TableDefinition.KeyAttribute key) {
        return switch (key.type()) {
            case "S" -> AttributeValueType.S;
            case "N" -> AttributeValueType.N;
            case "B" -> AttributeValueType.B;
            default -> throw new IllegalArgumentException("unsupported key type '" + key.type() + "' of " + key.name());
        };
    }
}
