package org.faithbot.chatbot.chat;

import jakarta.validation.Valid;
import org.faithbot.chatbot.reply.Reply;
import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.idempotency.IdempotencyKeys;
import org.faithbot.chatbot.system.security.CurrentUser;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ChatController {

    /** The Global Privacy Control signal: a request to opt out of sale and sharing. */
    static final String GLOBAL_PRIVACY_CONTROL = "Sec-GPC";

    static final String REPLAYED = "Idempotent-Replayed";

    private final ChatService chat;

    ChatController(ChatService chat) {
        this.chat = chat;
    }

    @PostMapping(path = "/api/v1/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<ChatResponse> chat(CurrentUser user, @Valid @RequestBody ChatRequest request,
            @RequestHeader(name = GLOBAL_PRIVACY_CONTROL, required = false) @Nullable String globalPrivacyControl,
            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) @Nullable String idempotencyKey) {
        ChatService.ChatTurn turn = this.chat.chat(user, request.message(), request.conversationId(),
                "1".equals(globalPrivacyControl), (idempotencyKey != null) ? IdempotencyKeys.validKey(idempotencyKey) : null);
        ChatMessage answer = turn.answer();
        Reply reply = turn.reply();
        ChatResponse.Safety safety = (turn.crisis() != null)
                ? new ChatResponse.Safety(turn.crisis().name(), turn.crisis().resources(), turn.escalationId()) : null;
        ChatResponse body = new ChatResponse(answer.conversationId(), answer.messageId(),
                new ChatResponse.ReplyBody(reply.text(), reply.topic(), reply.scripture()),
                Timestamps.format(answer.createdAt()), safety);
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (idempotencyKey != null) {
            response.header(REPLAYED, String.valueOf(turn.replayed()));
        }
        return response.body(body);
    }
}
