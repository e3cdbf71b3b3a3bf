package org.faithbot.chatbot.chat;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.faithbot.chatbot.system.dynamodb.QueryPage;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The {@code conversations} table. */
public interface ConversationRepository {

    /** Stores a new conversation unless one with its id exists (conditional put). */
    boolean create(Conversation conversation);

    /**
     * Records new messages in a conversation, creating it when the user has none of that id
     * (one UpdateItem: title and creation time only set when absent).
     */
    void recordMessages(String userId, String conversationId, String titleIfNew, Instant at, Instant expiresAt,
            int messages);

    Optional<Conversation> find(String userId, String conversationId);

    /** The user's conversations, newest first, one page (expired ones included: the caller filters). */
    QueryPage page(String userId, int limit, @Nullable Map<String, AttributeValue> startKey);

    Conversation fromItem(Map<String, AttributeValue> item);
}
