package org.faithbot.chatbot.chat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.QueryPage;
import org.faithbot.chatbot.system.web.ApiProblem;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.stereotype.Service;

/**
 * Members' ratings of the assistant's replies (1 to 5, an optional comment): kept on the rated message, so they are
 * exported, erased and expire with it; counted in the {@code chat.rating} histogram (one bucket per score; a
 * re-rating counts again), the production figure of user satisfaction. Only a reply of the member's own
 * conversation can be rated; a member's own message cannot.
 */
@Service
class RatingService {

    /** How many pages of a conversation are read looking for the message (200 messages each). */
    private static final int MAX_PAGES = 50;

    private final ConversationRepository conversations;

    private final MessageRepository messages;

    private final Clock clock;

    private final DistributionSummary ratings;

    RatingService(ConversationRepository conversations, MessageRepository messages, Clock clock, MeterRegistry registry) {
        this.conversations = conversations;
        this.messages = messages;
        this.clock = clock;
        this.ratings = DistributionSummary.builder("chat.rating")
            .description("Ratings members give the assistant's replies, 1 to 5")
            .serviceLevelObjectives(1, 2, 3, 4, 5)
            .register(registry);
    }

    ConversationViews.RatingView rate(String userId, String conversationId, String messageId, RatingRequest request) {
        Instant now = this.clock.instant();
        this.conversations.find(userId, conversationId)
            .filter(conversation -> !conversation.expiresAt().isBefore(now))
            .orElseThrow(() -> ApiProblem.notFound("No conversation with this id"));
        Map<String, AttributeValue> message = find(userId, conversationId, messageId, now)
            .orElseThrow(() -> ApiProblem.notFound("No message with this id in the conversation"));
        if (!MessageRole.ASSISTANT.value().equals(Items.string(message, "role"))) {
            throw ApiProblem.unprocessable("Only the assistant's replies can be rated, not your own messages");
        }
        String comment = (request.comment() != null && !request.comment().isBlank()) ? request.comment().strip() : null;
        Rating rating = new Rating(request.score(), comment, now);
        if (!this.messages.rate(userId, Items.string(message, "messageKey"), rating)) {
            throw ApiProblem.notFound("No message with this id in the conversation");
        }
        this.ratings.record(rating.score());
        return ConversationViews.RatingView.of(rating);
    }

    private Optional<Map<String, AttributeValue>> find(String userId, String conversationId, String messageId, Instant now) {
        Map<String, AttributeValue> startKey = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            QueryPage found = this.messages.page(userId, conversationId, 200, startKey);
            for (Map<String, AttributeValue> item : found.items()) {
                if (messageId.equals(Items.string(item, "messageId"))) {
                    return Items.expired(item, now) ? Optional.empty() : Optional.of(item);
                }
            }
            startKey = found.lastEvaluatedKey();
            if (startKey == null) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
