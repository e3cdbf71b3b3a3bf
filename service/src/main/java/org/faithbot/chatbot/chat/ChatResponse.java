package org.faithbot.chatbot.chat;

import org.faithbot.chatbot.scripture.Verse;

/** The body answering {@code POST /api/v1/chat}: the assistant's message. */
public record ChatResponse(String conversationId, String messageId, ReplyBody reply, String createdAt) {

    /** The reply: motivational text, its topic and a scripture verse. */
    public record ReplyBody(String text, String topic, Verse scripture) {
    }
}
