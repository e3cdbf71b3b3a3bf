package org.faithbot.chatbot.chat;

import com.jayway.jsonpath.JsonPath;
import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Members rate the assistant's replies: kept on the reply, listed, exported, erased, counted in chat_rating. */
class RatingApiTest extends ApiTest {

    @Test
    void aRatingOfAReplyIsKeptListedExportedCountedAndErased() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        String chat = this.mvc.perform(ConversationApiTest.authorized(post("/api/v1/chat"), token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\": \"I am grateful for this day\"}"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String conversation = JsonPath.read(chat, "$.conversationId");
        String reply = JsonPath.read(chat, "$.messageId");
        String rating = "/api/v1/conversations/" + conversation + "/messages/" + reply + "/rating";

        this.mvc.perform(ConversationApiTest.authorized(put(rating), token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"score\": 5, \"comment\": \" Just what I needed \"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.score").value(5))
            .andExpect(jsonPath("$.comment").value("Just what I needed"))
            .andExpect(jsonPath("$.ratedAt").isNotEmpty());

        this.mvc.perform(ConversationApiTest.authorized(get("/api/v1/conversations/" + conversation + "/messages"), token))
            .andExpect(jsonPath("$.items[1].messageId").value(reply))
            .andExpect(jsonPath("$.items[1].rating.score").value(5))
            .andExpect(jsonPath("$.items[0].rating").doesNotExist());
        this.mvc.perform(get("/api/v1/me/export").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)))
            .andExpect(content().string(containsString("Just what I needed")));
        String prometheus = this.mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
        assertThat(prometheus).contains("chat_rating_bucket{").contains("chat_rating_count");

        this.mvc.perform(delete("/api/v1/me").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))).andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/me/export").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)))
            .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Just what I needed"))));
    }

    @Test
    void onlyARealReplyOfTheCallersOwnConversationCanBeRatedFromOneToFive() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        String chat = this.mvc.perform(ConversationApiTest.authorized(post("/api/v1/chat"), token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\": \"Help me find hope\"}"))
            .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String conversation = JsonPath.read(chat, "$.conversationId");
        String reply = JsonPath.read(chat, "$.messageId");
        String own = JsonPath.read(this.mvc.perform(ConversationApiTest.authorized(get("/api/v1/conversations/" + conversation + "/messages"), token))
            .andReturn().getResponse().getContentAsString(), "$.items[0].messageId");
        String path = "/api/v1/conversations/" + conversation + "/messages/";

        this.mvc.perform(ConversationApiTest.authorized(put(path + reply + "/rating"), token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"score\": 6}")).andExpect(status().isBadRequest());
        this.mvc.perform(ConversationApiTest.authorized(put(path + reply + "/rating"), token).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest());
        this.mvc.perform(ConversationApiTest.authorized(put(path + own + "/rating"), token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"score\": 4}")).andExpect(status().isUnprocessableEntity());
        this.mvc.perform(ConversationApiTest.authorized(put(path + java.util.UUID.randomUUID() + "/rating"), token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"score\": 4}")).andExpect(status().isNotFound());
        String other = TestTokens.user(TestTokens.newUserId());
        this.mvc.perform(ConversationApiTest.authorized(put(path + reply + "/rating"), other).contentType(MediaType.APPLICATION_JSON)
                .content("{\"score\": 1}")).andExpect(status().isNotFound());
    }
}
