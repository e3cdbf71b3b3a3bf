package org.faithbot.chatbot.chat;

import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.dynamodb.DocumentTables;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.document.EnhancedDocument;

import org.springframework.stereotype.Repository;

@Repository
class DynamoDbMessageRepository implements MessageRepository {

    private final DynamoDbTable<EnhancedDocument> messages;

    DynamoDbMessageRepository(DocumentTables tables) {
        this.messages = tables.table(TableCatalog.MESSAGES);
    }

    @Override
    public void save(ChatMessage message) {
        this.messages.putItem(toDocument(message));
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
        return document.build();
    }
}
