package org.faithbot.chatbot.chat;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.faithbot.chatbot.system.idempotency.IdempotencyKeys;
import org.faithbot.chatbot.system.paging.Page;
import org.faithbot.chatbot.system.security.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's conversations and their message history, with cursor paging. */
@RestController
@RequestMapping("/api/v1/conversations")
class ConversationController {

    private final ConversationService conversations;

    private final RatingService ratings;

    ConversationController(ConversationService conversations, RatingService ratings) {
        this.conversations = conversations;
        this.ratings = ratings;
    }

    @PostMapping
    ResponseEntity<ConversationViews.Created> start(CurrentUser user,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String idempotencyKey,
            @Valid @RequestBody(required = false) @Nullable ConversationRequest request) {
        ConversationService.Start start = this.conversations.start(user.userId(),
                (request != null) ? request.title() : null,
                (idempotencyKey != null) ? IdempotencyKeys.validKey(idempotencyKey) : null);
        Conversation conversation = start.conversation();
        ResponseEntity.BodyBuilder response = ResponseEntity
            .created(URI.create("/api/v1/conversations/" + conversation.conversationId()));
        if (idempotencyKey != null) {
            response.header("Idempotent-Replayed", String.valueOf(start.replayed()));
        }
        return response.body(ConversationViews.Created.of(conversation));
    }

    @GetMapping
    Page<ConversationViews.Summary> list(CurrentUser user,
            @RequestParam(name = "limit", defaultValue = "20") @Min(1) @Max(100) int limit,
            @RequestParam(name = "cursor", required = false) @Nullable String cursor) {
        return this.conversations.list(user.userId(), limit, cursor).map(ConversationViews.Summary::of);
    }

    @PutMapping(path = "/{conversationId}/messages/{messageId}/rating", consumes = MediaType.APPLICATION_JSON_VALUE)
    ConversationViews.RatingView rate(CurrentUser user, @PathVariable("conversationId") UUID conversationId,
            @PathVariable("messageId") UUID messageId, @Valid @RequestBody RatingRequest request) {
        return this.ratings.rate(user.userId(), conversationId.toString(), messageId.toString(), request);
    }

    @GetMapping("/{conversationId}/messages")
    Page<ConversationViews.Message> messages(CurrentUser user, @PathVariable("conversationId") UUID conversationId,
            @RequestParam(name = "limit", defaultValue = "50") @Min(1) @Max(200) int limit,
            @RequestParam(name = "cursor", required = false) @Nullable String cursor) {
        return this.conversations.messages(user.userId(), conversationId.toString(), limit, cursor);
    }
}
