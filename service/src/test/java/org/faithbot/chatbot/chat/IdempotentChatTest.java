package org.faithbot.chatbot.chat;

import java.util.UUID;

import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.Json;
import org.faithbot.chatbot.support.Tables;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faithbot.chatbot.support.Requests.postAs;
import static org.faithbot.chatbot.support.Requests.postJsonAs;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** With an Idempotency-Key, a retried chat or new conversation is answered from the first, never duplicated. */
class IdempotentChatTest extends ApiTest {

    @Test
    void aRetriedChatGetsTheFirstReplyAndStoresNothingMore() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId);
        String key = UUID.randomUUID().toString();
        MvcResult first = this.mvc.perform(postJsonAs(token, "/api/v1/chat", "{\"message\": \"I need hope today\"}")
                .header("Idempotency-Key", key))
            .andExpect(status().isOk())
            .andExpect(header().string("Idempotent-Replayed", "false"))
            .andReturn();
        MvcResult retry = this.mvc.perform(postJsonAs(token, "/api/v1/chat", "{\"message\": \"I need hope today\"}")
                .header("Idempotency-Key", key))
            .andExpect(status().isOk())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn();
        for (String field : new String[] { "$.conversationId", "$.messageId", "$.createdAt", "$.reply.text",
                "$.reply.topic", "$.reply.scripture.reference" }) {
            assertThat(Json.<Object>read(retry, field)).as(field).isEqualTo(Json.read(first, field));
        }
        assertThat(Tables.partition("messages", userId)).hasSize(2);
        assertThat(Tables.partition("conversations", userId)).hasSize(1);

        this.mvc.perform(postJsonAs(token, "/api/v1/chat", "{\"message\": \"something else\"}").header("Idempotency-Key", key))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value(containsString("different request")));
        assertThat(Tables.partition("messages", userId)).hasSize(2);
    }

    @Test
    void aRetriedCrisisMessageGetsTheSameSafetyAnswer() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        String key = UUID.randomUUID().toString();
        MvcResult first = this.mvc.perform(postJsonAs(token, "/api/v1/chat", "{\"message\": \"I want to die\"}")
                .header("Idempotency-Key", key)).andReturn();
        this.mvc.perform(postJsonAs(token, "/api/v1/chat", "{\"message\": \"I want to die\"}").header("Idempotency-Key", key))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.safety.category").value("self-harm"))
            .andExpect(jsonPath("$.safety.escalationId").value(Json.<String>read(first, "$.safety.escalationId")))
            .andExpect(jsonPath("$.safety.resources[0].contact").value("Call or text 988"));
    }

    @Test
    void aRetriedNewConversationIsTheSameConversation() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId);
        String key = UUID.randomUUID().toString();
        String first = Json.read(this.mvc.perform(postAs(token, "/api/v1/conversations").header("Idempotency-Key", key))
            .andExpect(status().isCreated())
            .andReturn(), "$.conversationId");
        this.mvc.perform(postAs(token, "/api/v1/conversations").header("Idempotency-Key", key))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andExpect(jsonPath("$.conversationId").value(first));
        assertThat(Tables.partition("conversations", userId)).hasSize(1);
    }
}
