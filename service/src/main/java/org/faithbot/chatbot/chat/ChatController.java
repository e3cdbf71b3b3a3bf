package org.faithbot.chatbot.chat;

import jakarta.validation.Valid;
import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.security.CurrentUser;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ChatController {

    private final ChatService chat;

    ChatController(ChatService chat) {
        this.chat = chat;
    }

    @PostMapping(path = "/api/v1/chat", consumes = MediaType.APPLICATION_JSON_VALUE)
    ChatResponse chat(CurrentUser user, @Valid @RequestBody ChatRequest request) {
        ChatService.ChatTurn turn = this.chat.chat(user, request.message(), request.conversationId());
        ChatMessage answer = turn.answer();
        Reply reply = turn.reply();
        return new ChatResponse(answer.conversationId(), answer.messageId(),
                new ChatResponse.ReplyBody(reply.text(), reply.topic(), reply.scripture()),
                Timestamps.format(answer.createdAt()));
    }
}
