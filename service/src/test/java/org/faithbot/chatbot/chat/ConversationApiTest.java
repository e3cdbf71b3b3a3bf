package org.faithbot.chatbot.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.Tables;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.faithbot.chatbot.support.Tables.n;
import static org.faithbot.chatbot.support.Tables.s;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ConversationApiTest extends ApiTest {

    @Test
    void startsAConversationWithADefaultOrAGivenTitle() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        String created = this.mvc.perform(authorized(post("/api/v1/conversations"), token))
            .andExpect(status().isCreated())
            .andExpect(header().string(HttpHeaders.LOCATION, matchesPattern("/api/v1/conversations/[0-9a-f-]{36}")))
            .andExpect(jsonPath("$.title").value("New conversation"))
            .andExpect(jsonPath("$.createdAt").isNotEmpty())
            .andReturn().getResponse().getContentAsString();
        assertThat(UUID.fromString(JsonPath.read(created, "$.conversationId")).version()).isEqualTo(7);

        this.mvc.perform(authorized(post("/api/v1/conversations"), token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"Evening prayers\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.title").value("Evening prayers"));
    }

    @Test
    void listsTheCallersConversationsNewestFirstPageByPage() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId);
        String first = startConversation(token, "first");
        String second = startConversation(token, "second");
        String third = startConversation(token, "third");
        startConversation(TestTokens.user(TestTokens.newUserId()), "someone else's");

        String page1 = this.mvc.perform(authorized(get("/api/v1/conversations?limit=2"), token))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items", hasSize(2)))
            .andReturn().getResponse().getContentAsString();
        assertThat(JsonPath.<List<String>>read(page1, "$.items[*].conversationId")).containsExactly(third, second);
        String cursor = JsonPath.read(page1, "$.nextCursor");
        assertThat(cursor).isNotBlank().doesNotContain(userId);

        this.mvc.perform(authorized(get("/api/v1/conversations").param("limit", "2").param("cursor", cursor), token))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items", hasSize(1)))
            .andExpect(jsonPath("$.items[0].conversationId").value(first))
            .andExpect(jsonPath("$.items[0].messageCount").value(0))
            .andExpect(jsonPath("$.nextCursor").value(nullValue()));

        this.mvc.perform(authorized(get("/api/v1/conversations").param("cursor", cursor),
                TestTokens.user(TestTokens.newUserId())))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(matchesPattern(".*cursor is invalid.*")));
    }

    @Test
    void aChatWithoutAConversationStartsOneThatListsItsMessagesOldestFirst() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        String conversationId = JsonPath.read(chatAs(token, "I am anxious about tomorrow", null), "$.conversationId");
        chatAs(token, "Thank you, that helps", conversationId);

        this.mvc.perform(authorized(get("/api/v1/conversations"), token))
            .andExpect(jsonPath("$.items", hasSize(1)))
            .andExpect(jsonPath("$.items[0].conversationId").value(conversationId))
            .andExpect(jsonPath("$.items[0].title").value("A conversation about anxiety"))
            .andExpect(jsonPath("$.items[0].messageCount").value(4));

        String page1 = this.mvc
            .perform(authorized(get("/api/v1/conversations/" + conversationId + "/messages?limit=3"), token))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items", hasSize(3)))
            .andExpect(jsonPath("$.items[0].role").value("user"))
            .andExpect(jsonPath("$.items[0].text").value("I am anxious about tomorrow"))
            .andExpect(jsonPath("$.items[0].scripture").value(nullValue()))
            .andExpect(jsonPath("$.items[1].role").value("assistant"))
            .andExpect(jsonPath("$.items[1].topic").value("anxiety"))
            .andExpect(jsonPath("$.items[1].scripture.reference").isNotEmpty())
            .andExpect(jsonPath("$.items[1].scripture.text").isNotEmpty())
            .andExpect(jsonPath("$.items[2].text").value("Thank you, that helps"))
            .andReturn().getResponse().getContentAsString();
        this.mvc.perform(authorized(get("/api/v1/conversations/" + conversationId + "/messages")
                .param("limit", "3").param("cursor", JsonPath.<String>read(page1, "$.nextCursor")), token))
            .andExpect(jsonPath("$.items", hasSize(1)))
            .andExpect(jsonPath("$.items[0].role").value("assistant"))
            .andExpect(jsonPath("$.nextCursor").value(nullValue()));
    }

    @Test
    void anotherUsersConversationIsNotFoundAndNothingOfItIsShown() throws Exception {
        String owner = TestTokens.user(TestTokens.newUserId());
        String conversationId = JsonPath.read(chatAs(owner, "my private worry", null), "$.conversationId");
        String stranger = TestTokens.user(TestTokens.newUserId());

        String body = this.mvc
            .perform(authorized(get("/api/v1/conversations/" + conversationId + "/messages"), stranger))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.detail").value("No conversation with this id"))
            .andReturn().getResponse().getContentAsString();
        assertThat(body).doesNotContain("private worry");
        this.mvc.perform(authorized(get("/api/v1/conversations/" + UUID.randomUUID() + "/messages"), owner))
            .andExpect(status().isNotFound());
    }

    @Test
    void chattingIntoAnotherUsersConversationIdNeverReachesTheirConversation() throws Exception {
        String ownerId = TestTokens.newUserId();
        String owner = TestTokens.user(ownerId);
        String conversationId = JsonPath.read(chatAs(owner, "hello from the owner", null), "$.conversationId");
        String strangerId = TestTokens.newUserId();
        chatAs(TestTokens.user(strangerId), "hello from a stranger", conversationId);

        assertThat(Tables.partition("messages", ownerId)).hasSize(2)
            .noneMatch(item -> item.get("text").s().contains("stranger"));
        assertThat(Tables.partition("messages", strangerId)).hasSize(2);
    }

    @Test
    void expiredConversationsAndMessagesAreNeverServedAndAreDeletedWhenMet() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId);
        String conversationId = JsonPath.read(chatAs(token, "hello", null), "$.conversationId");
        long past = Instant.now().minusSeconds(60).getEpochSecond();
        String expiredKey = conversationId + "#0000000000001#expired-message";
        Tables.put("messages", Map.of("userId", s(userId), "messageKey", s(expiredKey), "conversationId",
                s(conversationId), "messageId", s("expired-message"), "role", s("user"), "text", s("old words"),
                "topic", s("hope"), "createdAt", s("1970-01-01T00:00:00.001Z"), "expiresAt", n(past)));
        String oldConversation = UUID.randomUUID().toString();
        Tables.put("conversations", Map.of("userId", s(userId), "conversationId", s(oldConversation), "title",
                s("old"), "createdAt", s("2020-01-01T00:00:00.000Z"), "lastMessageAt", s("2020-01-01T00:00:00.000Z"),
                "messageCount", n(2), "expiresAt", n(past)));

        this.mvc.perform(authorized(get("/api/v1/conversations/" + conversationId + "/messages"), token))
            .andExpect(jsonPath("$.items", hasSize(2)))
            .andExpect(jsonPath("$.items[0].text").value("hello"));
        this.mvc.perform(authorized(get("/api/v1/conversations"), token))
            .andExpect(jsonPath("$.items", hasSize(1)))
            .andExpect(jsonPath("$.items[0].conversationId").value(conversationId));
        this.mvc.perform(authorized(get("/api/v1/conversations/" + oldConversation + "/messages"), token))
            .andExpect(status().isNotFound());

        await().untilAsserted(() -> {
            assertThat(Tables.get("messages", Map.of("userId", s(userId), "messageKey", s(expiredKey)))).isEmpty();
            assertThat(Tables.get("conversations", Map.of("userId", s(userId), "conversationId", s(oldConversation))))
                .isEmpty();
        });
    }

    private String startConversation(String token, String title) throws Exception {
        String body = this.mvc
            .perform(authorized(post("/api/v1/conversations"), token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"title\": \"" + title + "\"}"))
            .andExpect(status().isCreated())
            .andReturn().getResponse().getContentAsString();
        Thread.sleep(2); // distinct milliseconds, so the time-ordered ids sort as created
        return JsonPath.read(body, "$.conversationId");
    }

    static MockHttpServletRequestBuilder authorized(MockHttpServletRequestBuilder request, String token) {
        return request.header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
    }
}
