package org.faithbot.verification.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The service's DynamoDB tables as defined in {@code service/src/main/resources/dynamodb/tables.json},
 * the one definition the service, the Terraform and the harness share.
 */
public record TableDefinitions(List<Table> tables) {

    public record Key(String name, String type) {
    }

    /** A global secondary index; projection is ALL, KEYS_ONLY or INCLUDE as in DynamoDB. */
    public record Index(String name, Key partitionKey, Key sortKey, String projection) {

        GlobalSecondaryIndex definition() {
            return GlobalSecondaryIndex.builder()
                    .indexName(name)
                    .keySchema(keySchema(partitionKey, sortKey))
                    .projection(Projection.builder().projectionType(ProjectionType.fromValue(projection)).build())
                    .build();
        }
    }

    public record Table(String name, Key partitionKey, Key sortKey, String ttlAttribute, List<Index> indexes) {

        CreateTableRequest createRequest(String physicalName) {
            Map<String, String> attributeTypes = new LinkedHashMap<>();
            attributeTypes.put(partitionKey.name(), partitionKey.type());
            if (sortKey != null) {
                attributeTypes.put(sortKey.name(), sortKey.type());
            }
            for (Index index : indexes) {
                attributeTypes.putIfAbsent(index.partitionKey().name(), index.partitionKey().type());
                if (index.sortKey() != null) {
                    attributeTypes.putIfAbsent(index.sortKey().name(), index.sortKey().type());
                }
            }
            CreateTableRequest.Builder request = CreateTableRequest.builder()
                    .tableName(physicalName)
                    .attributeDefinitions(attributeTypes.entrySet().stream()
                            .map(a -> AttributeDefinition.builder().attributeName(a.getKey()).attributeType(a.getValue()).build())
                            .toList())
                    .keySchema(keySchema(partitionKey, sortKey))
                    .billingMode(BillingMode.PAY_PER_REQUEST);
            if (!indexes.isEmpty()) {
                request.globalSecondaryIndexes(indexes.stream().map(Index::definition).toList());
            }
            return request.build();
        }
    }

    private static List<KeySchemaElement> keySchema(Key partitionKey, Key sortKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder().attributeName(partitionKey.name()).keyType(KeyType.HASH).build());
        if (sortKey != null) {
            keys.add(KeySchemaElement.builder().attributeName(sortKey.name()).keyType(KeyType.RANGE).build());
        }
        return keys;
    }

    public static TableDefinitions read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<Table> tables = new ArrayList<>();
            for (JsonNode t : root.path("tables")) {
                List<Index> indexes = new ArrayList<>();
                for (JsonNode i : t.path("globalSecondaryIndexes")) {
                    indexes.add(new Index(i.path("name").asText(), key(i.get("partitionKey")), key(i.get("sortKey")),
                            i.path("projection").asText("ALL")));
                }
                tables.add(new Table(t.path("name").asText(), key(t.get("partitionKey")), key(t.get("sortKey")),
                        t.hasNonNull("ttlAttribute") ? t.get("ttlAttribute").asText() : null, List.copyOf(indexes)));
            }
            return new TableDefinitions(List.copyOf(tables));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the table definitions " + file, e);
        }
    }

    private static Key key(JsonNode node) {
        return node == null || node.isNull() ? null : new Key(node.path("name").asText(), node.path("type").asText("S"));
    }

    /** Creates every table under the prefix, as Terraform does in AWS; tables that exist are left alone. */
    public void createAll(DynamoDbClient dynamoDb, String prefix) {
        for (Table table : tables) {
            try {
                dynamoDb.createTable(table.createRequest(prefix + table.name()));
            } catch (ResourceInUseException alreadyThere) {
                // created by an earlier start of the same target
            }
        }
    }
}
