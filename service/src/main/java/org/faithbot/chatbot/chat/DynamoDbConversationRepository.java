package org.faithbot.chatbot.chat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.QueryPage;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.dynamodb.UserKeyedTable;
import org.faithbot.chatbot.system.dynamodb.UserPartition;
import org.faithbot.chatbot.system.dynamodb.UserPartitions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

import org.springframework.stereotype.Repository;

import static org.faithbot.chatbot.system.dynamodb.Items.s;

@Repository
class DynamoDbConversationRepository implements ConversationRepository, UserKeyedTable {

    private final DynamoDbClient dynamoDb;

    private final String table;

    private final UserPartition partition;

    DynamoDbConversationRepository(DynamoDbClient dynamoDb, TableCatalog catalog, UserPartitions partitions) {
        this.dynamoDb = dynamoDb;
        this.table = catalog.physicalName(TableCatalog.CONVERSATIONS);
        this.partition = partitions.of(TableCatalog.CONVERSATIONS);
    }

    @Override
    public boolean create(Conversation conversation) {
        try {
            this.dynamoDb.putItem(request -> request.tableName(this.table)
                .item(Map.of("userId", s(conversation.userId()), "conversationId", s(conversation.conversationId()),
                        "title", s(conversation.title()), "createdAt", Items.time(conversation.createdAt()),
                        "lastMessageAt", Items.time(conversation.lastMessageAt()), "messageCount",
                        Items.n(conversation.messageCount()), Items.EXPIRES_AT,
                        Items.epochSeconds(conversation.expiresAt())))
                .conditionExpression("attribute_not_exists(conversationId)"));
            return true;
        }
        catch (ConditionalCheckFailedException exists) {
            return false;
        }
    }

    @Override
    public void recordMessages(String userId, String conversationId, String titleIfNew, Instant at,
            Instant expiresAt, int messages) {
        this.dynamoDb.updateItem(request -> request.tableName(this.table)
            .key(key(userId, conversationId))
            .updateExpression("SET #title = if_not_exists(#title, :title), #createdAt = if_not_exists(#createdAt, :at), "
                    + "#lastMessageAt = :at, #expiresAt = :expiresAt ADD #messageCount :messages")
            .expressionAttributeNames(Map.of("#title", "title", "#createdAt", "createdAt", "#lastMessageAt",
                    "lastMessageAt", "#expiresAt", Items.EXPIRES_AT, "#messageCount", "messageCount"))
            .expressionAttributeValues(Map.of(":title", s(titleIfNew), ":at", Items.time(at), ":expiresAt",
                    Items.epochSeconds(expiresAt), ":messages", Items.n(messages))));
    }

    @Override
    public Optional<Conversation> find(String userId, String conversationId) {
        Map<String, AttributeValue> item = this.dynamoDb
            .getItem(request -> request.tableName(this.table).key(key(userId, conversationId)).consistentRead(true))
            .item();
        return (item == null || item.isEmpty()) ? Optional.empty() : Optional.of(fromItem(item));
    }

    @Override
    public QueryPage page(String userId, int limit, @Nullable Map<String, AttributeValue> startKey) {
        QueryResponse response = this.dynamoDb.query(request -> request.tableName(this.table)
            .keyConditionExpression("userId = :userId")
            .expressionAttributeValues(Map.of(":userId", s(userId)))
            .scanIndexForward(false)
            .limit(limit)
            .exclusiveStartKey(startKey)
            .consistentRead(true));
        return new QueryPage(response.items(), response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null);
    }

    @Override
    public Conversation fromItem(Map<String, AttributeValue> item) {
        Instant createdAt = Items.instant(item, "createdAt");
        Instant lastMessageAt = Items.instant(item, "lastMessageAt");
        return new Conversation(Items.string(item, "userId"), Items.string(item, "conversationId"),
                String.valueOf(Items.string(item, "title")), createdAt,
                (lastMessageAt != null) ? lastMessageAt : createdAt, Items.number(item, "messageCount"),
                Instant.ofEpochSecond(Items.number(item, Items.EXPIRES_AT)));
    }

    private static Map<String, AttributeValue> key(String userId, String conversationId) {
        return Map.of("userId", s(userId), "conversationId", s(conversationId));
    }

    @Override
    public String tableName() {
        return TableCatalog.CONVERSATIONS;
    }

    @Override
    public UserPartition userPartition() {
        return this.partition;
    }
}
