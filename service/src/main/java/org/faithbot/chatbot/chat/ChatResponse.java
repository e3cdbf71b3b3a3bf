package org.faithbot.chatbot.chat;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.faithbot.chatbot.safety.CrisisResource;
import org.faithbot.chatbot.scripture.Verse;
import org.jspecify.annotations.Nullable;

/**
 * The body answering {@code POST /api/v1/chat}: the assistant's message, and for crisis language the
 * {@code safety} part (category, resources to reach now, the escalation's id).
 */
public record ChatResponse(String conversationId, String messageId, ReplyBody reply, String createdAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable Safety safety) {

    /** The reply: motivational text, its topic and a scripture verse. */
    public record ReplyBody(String text, String topic, Verse scripture) {
    }

    /** What a crisis reply adds: the crisis category, resources and the escalation for the support team. */
    public record Safety(String category, List<CrisisResource> resources, @Nullable String escalationId) {
    }
}
