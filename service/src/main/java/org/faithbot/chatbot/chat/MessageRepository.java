package org.faithbot.chatbot.chat;

/** The {@code messages} table. */
public interface MessageRepository {

    void save(ChatMessage message);
}
