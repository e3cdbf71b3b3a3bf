package org.faithbot.chatbot.chat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.dynamodb.BatchWriter;
import org.faithbot.chatbot.system.dynamodb.DocumentTables;
import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.QueryPage;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.UserKeyedTable;
import org.faithbot.chatbot.system.dynamodb.UserPartition;
import org.faithbot.chatbot.system.dynamodb.UserPartitions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import org.springframework.stereotype.Repository;

@Repository
class DynamoDbMessageRepository implements MessageRepository, UserKeyedTable {

    private final DynamoDbTable<EnhancedDocument> messages;

    private final DynamoDbClient dynamoDb;

    private final BatchWriter batchWriter;

    private final String table;

    private final UserPartition partition;

    DynamoDbMessageRepository(DocumentTables tables, DynamoDbClient dynamoDb, BatchWriter batchWriter,
            UserPartitions partitions) {
        this.messages = tables.table(TableCatalog.MESSAGES);
        this.dynamoDb = dynamoDb;
        this.batchWriter = batchWriter;
        this.table = tables.catalog().physicalName(TableCatalog.MESSAGES);
        this.partition = partitions.of(TableCatalog.MESSAGES);
    }

    @Override
    public void save(ChatMessage message) {
        this.messages.putItem(toDocument(message));
    }

    @Override
    public void saveAll(List<ChatMessage> turn) {
        this.batchWriter.putAll(this.table, turn.stream().map(message -> toDocument(message).toMap()).toList());
    }

    @Override
    public Optional<ChatMessage> find(String userId, String messageKey) {
        Map<String, AttributeValue> item = this.dynamoDb
            .getItem(request -> request.tableName(this.table)
                .key(Map.of("userId", AttributeValue.fromS(userId), "messageKey", AttributeValue.fromS(messageKey)))
                .consistentRead(true))
            .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChatMessage(Items.string(item, "userId"), Items.string(item, "conversationId"),
                Items.string(item, "messageId"), MessageRole.valueOf(Items.string(item, "role").toUpperCase(Locale.ROOT)),
                Items.string(item, "text"), Items.string(item, "scriptureReference"), Items.string(item, "topic"),
                Items.instant(item, "createdAt"), Instant.ofEpochSecond(Items.number(item, Items.EXPIRES_AT)),
                Items.string(item, "crisisCategory")));
    }

    @Override
    public boolean rate(String userId, String messageKey, Rating rating) {
        Map<String, AttributeValue> values = new java.util.HashMap<>(Map.of(":score", AttributeValue.fromN(String.valueOf(rating.score())),
                ":at", AttributeValue.fromS(Timestamps.format(rating.ratedAt()))));
        String update = "SET rating = :score, ratedAt = :at";
        if (rating.comment() != null) {
            values.put(":comment", AttributeValue.fromS(rating.comment()));
            update += ", ratingComment = :comment";
        }
        else {
            update += " REMOVE ratingComment";
        }
        String expression = update;
        try {
            this.dynamoDb.updateItem(request -> request.tableName(this.table)
                .key(Map.of("userId", AttributeValue.fromS(userId), "messageKey", AttributeValue.fromS(messageKey)))
                .updateExpression(expression)
                .conditionExpression("attribute_exists(messageKey)")
                .expressionAttributeValues(values));
            return true;
        }
        catch (software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException gone) {
            return false;
        }
    }

    @Override
    public QueryPage page(String userId, String conversationId, int limit,
            @Nullable Map<String, AttributeValue> startKey) {
        QueryResponse response = this.dynamoDb.query(request -> request.tableName(this.table)
            .keyConditionExpression("userId = :userId AND begins_with(messageKey, :conversation)")
            .expressionAttributeValues(
                    Map.of(":userId", AttributeValue.fromS(userId), ":conversation", AttributeValue.fromS(conversationId + "#")))
            .scanIndexForward(true)
            .limit(limit)
            .exclusiveStartKey(startKey)
            .consistentRead(true));
        return new QueryPage(response.items(), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }

    static EnhancedDocument toDocument(ChatMessage message) {
        EnhancedDocument.Builder document = DocumentTables.newDocument()
            .putString("userId", message.userId())
            .putString("messageKey", message.messageKey())
            .putString("conversationId", message.conversationId())
            .putString("messageId", message.messageId())
            .putString("role", message.role().value())
            .putString("text", message.text())
            .putString("topic", message.topic())
            .putString("createdAt", Timestamps.format(message.createdAt()))
            .putNumber("expiresAt", message.expiresAt().getEpochSecond());
        if (message.scriptureReference() != null) {
            document.putString("scriptureReference", message.scriptureReference());
        }
        if (message.crisisCategory() != null) {
            document.putString("crisisCategory", message.crisisCategory());
        }
        return document.build();
    }

    @Override
    public String tableName() {
        return TableCatalog.MESSAGES;
    }

    @Override
    public UserPartition userPartition() {
        return this.partition;
    }
}
