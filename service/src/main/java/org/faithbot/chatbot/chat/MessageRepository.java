package org.faithbot.chatbot.chat;

import java.util.Map;

import org.faithbot.chatbot.system.dynamodb.QueryPage;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code messages} table. */
public interface MessageRepository {

    void save(ChatMessage message);

    /** A message by its key (strongly consistent). */
    java.util.Optional<ChatMessage> find(String userId, String messageKey);

    /**
     * Puts the rating on the stored message (it stays with the message: exported, erased and expired with it).
     *
     * @return false when the message is gone
     */
    boolean rate(String userId, String messageKey, Rating rating);

    /** Stores the messages of one turn in one BatchWriteItem (unprocessed items retried). */
    void saveAll(java.util.List<ChatMessage> messages);

    /**
     * One page of a conversation's messages, oldest first (a Query of the user's partition with
     * {@code begins_with(messageKey, conversationId#)}); expired ones included: the caller filters.
     */
    QueryPage page(String userId, String conversationId, int limit, @Nullable Map<String, AttributeValue> startKey);
}
