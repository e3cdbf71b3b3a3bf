package org.faithbot.verification.target;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The service's DynamoDB tables as defined in {@code service/src/main/resources/dynamodb/tables.json},
 * the one definition the service, the Terraform and the harness share.
 */
public record TableDefinitions(List<Table> tables) {

    public record Key(String name, String type) {
    }

    public record Table(String name, Key partitionKey, Key sortKey, String ttlAttribute) {

        CreateTableRequest createRequest(String physicalName) {
            List<AttributeDefinition> attributes = new ArrayList<>();
            List<KeySchemaElement> keys = new ArrayList<>();
            attributes.add(AttributeDefinition.builder().attributeName(partitionKey.name()).attributeType(partitionKey.type()).build());
            keys.add(KeySchemaElement.builder().attributeName(partitionKey.name()).keyType(KeyType.HASH).build());
            if (sortKey != null) {
                attributes.add(AttributeDefinition.builder().attributeName(sortKey.name()).attributeType(sortKey.type()).build());
                keys.add(KeySchemaElement.builder().attributeName(sortKey.name()).keyType(KeyType.RANGE).build());
            }
            return CreateTableRequest.builder()
                    .tableName(physicalName)
                    .attributeDefinitions(attributes)
                    .keySchema(keys)
                    .billingMode(BillingMode.PAY_PER_REQUEST)
                    .build();
        }
    }

    public static TableDefinitions read(Path file) {
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            List<Table> tables = new ArrayList<>();
            for (JsonNode t : root.path("tables")) {
                tables.add(new Table(t.path("name").asText(), key(t.get("partitionKey")), key(t.get("sortKey")),
                        t.hasNonNull("ttlAttribute") ? t.get("ttlAttribute").asText() : null));
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
