package org.faithbot.chatbot.chat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.Dynalite;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class ChatApiTest extends ApiTest {

    private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void repliesWithEncouragementAndAVerseOfTheTopic() throws Exception {
        String userId = TestTokens.newUserId();
        this.mvc
            .perform(post("/api/v1/chat").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.user(userId)))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\": \"I am so anxious about my exam tomorrow\"}"))
            .andExpect(status().isOk())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
            .andExpect(header().string("X-Served-By", "test-instance"))
            .andExpect(header().string("X-App-Version", not(emptyOrNullString())))
            .andExpect(jsonPath("$.conversationId").value(matchesPattern(UUID_PATTERN)))
            .andExpect(jsonPath("$.messageId").value(matchesPattern(UUID_PATTERN)))
            .andExpect(jsonPath("$.reply.text").value(not(emptyOrNullString())))
            .andExpect(jsonPath("$.reply.topic").value("anxiety"))
            .andExpect(jsonPath("$.reply.scripture.reference").value(not(emptyOrNullString())))
            .andExpect(jsonPath("$.reply.scripture.text").value(not(emptyOrNullString())))
            .andExpect(jsonPath("$.createdAt").value(matchesPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z")));
    }

    @Test
    void storesTheUsersMessageAndTheReplyInTheMessagesTable() throws Exception {
        String userId = TestTokens.newUserId();
        String conversationId = UUID.randomUUID().toString();
        MvcResult result = this.mvc
            .perform(post("/api/v1/chat").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.user(userId)))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\": \"Thank you Lord, I got the job!\", \"conversationId\": \"" + conversationId + "\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.conversationId").value(conversationId))
            .andReturn();
        String messageId = JsonPath.read(result.getResponse().getContentAsString(), "$.messageId");
        String createdAt = JsonPath.read(result.getResponse().getContentAsString(), "$.createdAt");

        List<Map<String, AttributeValue>> items = messagesOf(userId);
        assertThat(items).hasSize(2);
        Map<String, AttributeValue> question = items.stream().filter(item -> item.get("role").s().equals("user")).findFirst().orElseThrow();
        Map<String, AttributeValue> answer = items.stream().filter(item -> item.get("role").s().equals("assistant")).findFirst().orElseThrow();

        assertThat(question.get("text").s()).isEqualTo("Thank you Lord, I got the job!");
        assertThat(question).doesNotContainKey("scriptureReference");
        assertThat(answer.get("messageId").s()).isEqualTo(messageId);
        assertThat(answer.get("createdAt").s()).isEqualTo(createdAt);
        assertThat(answer.get("scriptureReference").s()).isNotBlank();
        for (Map<String, AttributeValue> item : items) {
            assertThat(item.keySet()).contains("userId", "messageKey", "conversationId", "messageId", "role", "text",
                    "topic", "createdAt", "expiresAt");
            assertThat(item.get("conversationId").s()).isEqualTo(conversationId);
            assertThat(item.get("topic").s()).isEqualTo("gratitude");
            Instant created = Instant.parse(item.get("createdAt").s());
            assertThat(item.get("messageKey").s()).isEqualTo(conversationId + "#"
                    + String.format("%013d", created.toEpochMilli()) + "#" + item.get("messageId").s());
            long expiresAt = Long.parseLong(item.get("expiresAt").n());
            assertThat(expiresAt).isEqualTo(created.getEpochSecond() + 365L * 24 * 3600);
        }
        assertThat(Instant.parse(answer.get("createdAt").s())).isAfter(Instant.parse(question.get("createdAt").s()));
    }

    @Test
    void createsTheProfileOnTheFirstCallOnlyWithTheTokensEmailAndName() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId, "grace@example.org", "Grace");
        for (int call = 0; call < 2; call++) {
            this.mvc
                .perform(post("/api/v1/chat").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"message\": \"hello\"}"))
                .andExpect(status().isOk());
        }
        try (DynamoDbClient dynamoDb = Dynalite.shared().client()) {
            Map<String, AttributeValue> profile = dynamoDb
                .getItem(request -> request.tableName(Dynalite.TABLE_PREFIX + "users")
                    .key(Map.of("userId", AttributeValue.fromS(userId)))
                    .consistentRead(true))
                .item();
            assertThat(profile.get("userId").s()).isEqualTo(userId);
            assertThat(profile.get("email").s()).isEqualTo("grace@example.org");
            assertThat(profile.get("displayName").s()).isEqualTo("Grace");
            assertThat(Instant.parse(profile.get("createdAt").s())).isBefore(Instant.now().plusSeconds(1));
        }
        assertThat(messagesOf(userId)).hasSize(4);
    }

    @Test
    void leavesOutEmailAndNameWhenTheTokenHasNone() throws Exception {
        String userId = TestTokens.newUserId();
        this.mvc
            .perform(post("/api/v1/chat").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.user(userId)))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\": \"hello\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.reply.topic").value("hope"));
        try (DynamoDbClient dynamoDb = Dynalite.shared().client()) {
            Map<String, AttributeValue> profile = dynamoDb
                .getItem(request -> request.tableName(Dynalite.TABLE_PREFIX + "users")
                    .key(Map.of("userId", AttributeValue.fromS(userId)))
                    .consistentRead(true))
                .item();
            assertThat(profile.keySet()).containsExactlyInAnyOrder("userId", "createdAt", "lastActiveOn");
        }
    }

    static List<Map<String, AttributeValue>> messagesOf(String userId) {
        try (DynamoDbClient dynamoDb = Dynalite.shared().client()) {
            return dynamoDb
                .query(request -> request.tableName(Dynalite.TABLE_PREFIX + "messages")
                    .keyConditionExpression("userId = :u")
                    .expressionAttributeValues(Map.of(":u", AttributeValue.fromS(userId)))
                    .consistentRead(true))
                .items();
        }
    }
}
