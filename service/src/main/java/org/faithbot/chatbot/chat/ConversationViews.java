package org.faithbot.chatbot.chat;

import org.faithbot.chatbot.scripture.Verse;
import org.faithbot.chatbot.system.Timestamps;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the conversation API. */
final class ConversationViews {

    private ConversationViews() {
    }

    /** Answer of {@code POST /api/v1/conversations}. */
    record Created(String conversationId, String title, String createdAt) {

        static Created of(Conversation conversation) {
            return new Created(conversation.conversationId(), conversation.title(),
                    Timestamps.format(conversation.createdAt()));
        }
    }

    /** An item of {@code GET /api/v1/conversations}. */
    record Summary(String conversationId, String title, String createdAt, String lastMessageAt, long messageCount) {

        static Summary of(Conversation conversation) {
            return new Summary(conversation.conversationId(), conversation.title(),
                    Timestamps.format(conversation.createdAt()), Timestamps.format(conversation.lastMessageAt()),
                    conversation.messageCount());
        }
    }

    /** An item of {@code GET /api/v1/conversations/{id}/messages}. */
    record Message(String messageId, String role, String text, String topic, @Nullable Verse scripture,
            String createdAt, @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
            @Nullable RatingView rating) {
    }

    /** A reply's rating as the member sees it (and the answer of {@code PUT .../rating}). */
    record RatingView(int score, @Nullable String comment, String ratedAt) {

        static RatingView of(Rating rating) {
            return new RatingView(rating.score(), rating.comment(), Timestamps.format(rating.ratedAt()));
        }
    }
}
