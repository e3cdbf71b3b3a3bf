package org.faithbot.chatbot.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.faithbot.chatbot.chat.ChatMessage;
import org.faithbot.chatbot.chat.MessageRepository;
import org.faithbot.chatbot.chat.MessageRole;
import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.Dynalite;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class AccountApiTest extends ApiTest {

    @Autowired
    private MessageRepository messages;

    @Autowired
    private ProfileRepository profiles;

    @Test
    void concurrentFirstCallsCreateExactlyOneProfile() throws Exception {
        String userId = TestTokens.newUserId();
        int callers = 8;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Boolean>> created = new java.util.ArrayList<>();
        try (var executor = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < callers; i++) {
                String email = "caller" + i + "@example.org";
                created.add(executor.submit(() -> {
                    start.await();
                    return this.profiles.createIfAbsent(new UserProfile(userId, Instant.now(), email, null));
                }));
            }
            start.countDown();
            int winners = 0;
            for (var result : created) {
                winners += result.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
        assertThat(profileOf(userId).get("email").s()).matches("caller\\d@example.org");
    }

    @Test
    void exportOfAnUnknownUserHasNoProfileAndNoMessages() throws Exception {
        String userId = TestTokens.newUserId();
        this.mvc.perform(get("/api/v1/me/export").header(HttpHeaders.AUTHORIZATION, bearer(userId)))
            .andExpect(status().isOk())
            .andExpect(header().string(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"faithbot-export.json\""))
            .andExpect(header().string("X-Served-By", "test-instance"))
            .andExpect(jsonPath("$.format").value("faithbot-export/2"))
            .andExpect(jsonPath("$.userId").value(userId))
            .andExpect(jsonPath("$.exportedAt").isNotEmpty())
            .andExpect(jsonPath("$.profile").value(nullValue()))
            .andExpect(jsonPath("$.messages", hasSize(0)));
    }

    @Test
    void exportHoldsTheProfileAndEveryMessageWithAllItsAttributesOldestFirst() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId, "ruth@example.org", "Ruth");
        String first = chat(token, "I feel so lonely", null);
        chat(token, "I am grateful for my friends", null);
        chat(token, "Thank you for listening", first);

        String export = this.mvc.perform(get("/api/v1/me/export").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.profile.userId").value(userId))
            .andExpect(jsonPath("$.profile.email").value("ruth@example.org"))
            .andExpect(jsonPath("$.profile.displayName").value("Ruth"))
            .andExpect(jsonPath("$.profile.createdAt").isNotEmpty())
            .andExpect(jsonPath("$.messages", hasSize(6)))
            .andReturn()
            .getResponse()
            .getContentAsString();

        List<Map<String, Object>> exported = JsonPath.read(export, "$.messages");
        assertThat(exported).extracting(message -> message.get("role"))
            .containsExactly("user", "assistant", "user", "assistant", "user", "assistant");
        assertThat(exported.get(0).get("text")).isEqualTo("I feel so lonely");
        assertThat(exported.get(4).get("text")).isEqualTo("Thank you for listening");
        assertThat(exported.get(4).get("conversationId")).isEqualTo(first);
        List<Instant> times = exported.stream().map(message -> Instant.parse((String) message.get("createdAt"))).toList();
        assertThat(times).isSorted();
        for (Map<String, Object> message : exported) {
            assertThat(message).containsKeys("userId", "messageKey", "conversationId", "messageId", "role", "text",
                    "topic", "createdAt", "expiresAt");
            assertThat(message.get("expiresAt")).isInstanceOf(Number.class);
        }
        assertThat(exported.get(1)).containsKey("scriptureReference");
    }

    @Test
    void erasureDeletesEveryItemOfTheCallerInBatchesAndIsIdempotent() throws Exception {
        String userId = TestTokens.newUserId();
        String bystander = TestTokens.newUserId();
        chat(TestTokens.user(userId, "naomi@example.org", "Naomi"), "I lost my mother last week", null);
        chat(TestTokens.user(bystander), "hello", null);
        storeMessages(userId, 58); // 60 messages in all: three batches of at most 25

        this.mvc.perform(delete("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(userId)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.userId").value(userId))
            .andExpect(jsonPath("$.erasedAt").isNotEmpty())
            .andExpect(jsonPath("$.deleted.users").value(1))
            .andExpect(jsonPath("$.deleted.messages").value(60));

        assertThat(messagesOf(userId)).isEmpty();
        assertThat(profileOf(userId)).isEmpty();
        assertThat(messagesOf(bystander)).hasSize(2);
        assertThat(profileOf(bystander)).isNotEmpty();

        this.mvc.perform(delete("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(userId)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.deleted.users").value(0))
            .andExpect(jsonPath("$.deleted.messages").value(0));
        this.mvc.perform(get("/api/v1/me/export").header(HttpHeaders.AUTHORIZATION, bearer(userId)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.profile").value(nullValue()))
            .andExpect(jsonPath("$.messages", hasSize(0)));
    }

    @Test
    void erasureOfAnUnknownUserReportsZeroCounts() throws Exception {
        this.mvc.perform(delete("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer(TestTokens.newUserId())))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.deleted.users").value(0))
            .andExpect(jsonPath("$.deleted.messages").value(0));
    }

    private String chat(String token, String message, String conversationId) throws Exception {
        String body = (conversationId != null)
                ? "{\"message\": \"" + message + "\", \"conversationId\": \"" + conversationId + "\"}"
                : "{\"message\": \"" + message + "\"}";
        String response = this.mvc
            .perform(post("/api/v1/chat").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
        return JsonPath.read(response, "$.conversationId");
    }

    private void storeMessages(String userId, int count) {
        String conversationId = UUID.randomUUID().toString();
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < count; i++) {
            Instant createdAt = start.plusSeconds(i);
            this.messages.save(new ChatMessage(userId, conversationId, UUID.randomUUID().toString(),
                    (i % 2 == 0) ? MessageRole.USER : MessageRole.ASSISTANT, "message " + i, null, "hope", createdAt,
                    createdAt.plus(Duration.ofDays(365))));
        }
    }

    private static String bearer(String userId) {
        return TestTokens.bearer(TestTokens.user(userId));
    }

    private static List<Map<String, AttributeValue>> messagesOf(String userId) {
        try (DynamoDbClient dynamoDb = Dynalite.shared().client()) {
            return dynamoDb
                .query(request -> request.tableName(Dynalite.TABLE_PREFIX + "messages")
                    .keyConditionExpression("userId = :u")
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId)))
                    .consistentRead(true))
                .items();
        }
    }

    private static Map<String, AttributeValue> profileOf(String userId) {
        try (DynamoDbClient dynamoDb = Dynalite.shared().client()) {
            return dynamoDb
                .getItem(request -> request.tableName(Dynalite.TABLE_PREFIX + "users")
                    .key(Map.of("userId", AttributeValue.fromS(userId)))
                    .consistentRead(true))
                .item();
        }
    }
}
