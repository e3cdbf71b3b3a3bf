package org.faithbot.chatbot.safety;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.Json;
import org.faithbot.chatbot.support.Meters;
import org.faithbot.chatbot.support.Tables;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faithbot.chatbot.support.Requests.getAs;
import static org.faithbot.chatbot.support.Requests.postAs;
import static org.faithbot.chatbot.support.Requests.postJsonAs;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class SafetyApiTest extends ApiTest {

    @Autowired
    private MeterRegistry registry;

    @Test
    void selfHarmLanguageGetsTheSafeReplyWithResourcesAndAnEscalation() throws Exception {
        String userId = TestTokens.newUserId();
        MvcResult result = this.mvc
            .perform(postJsonAs(TestTokens.user(userId), "/api/v1/chat", "{\"message\": \"I want to end my life tonight\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.reply.topic").value("crisis"))
            .andExpect(jsonPath("$.reply.text").value(containsString("988")))
            .andExpect(jsonPath("$.reply.scripture.reference").isNotEmpty())
            .andExpect(jsonPath("$.safety.category").value("self-harm"))
            .andExpect(jsonPath("$.safety.resources[0].name").value("988 Suicide & Crisis Lifeline"))
            .andExpect(jsonPath("$.safety.escalationId").isNotEmpty())
            .andReturn();
        String escalationId = Json.read(result, "$.safety.escalationId");
        String conversationId = Json.read(result, "$.conversationId");

        List<Map<String, AttributeValue>> stored = Tables.partition("escalations", userId);
        assertThat(stored).hasSize(1);
        Map<String, AttributeValue> escalation = stored.getFirst();
        assertThat(escalation.get("escalationId").s()).isEqualTo(escalationId);
        assertThat(escalation.get("category").s()).isEqualTo("self-harm");
        assertThat(escalation.get("source").s()).isEqualTo("chat");
        assertThat(escalation.get("sourceId").s()).isEqualTo(conversationId);
        assertThat(escalation.get("status").s()).isEqualTo("OPEN");
        Instant created = Instant.parse(escalation.get("createdAt").s());
        assertThat(Instant.parse(escalation.get("dueAt").s())).isEqualTo(created.plus(Duration.ofMinutes(15)));
        assertThat(escalation.values()).noneMatch(value -> value.s() != null && value.s().contains("end my life"));
    }

    @Test
    void abuseLanguageGetsItsOwnResources() throws Exception {
        this.mvc.perform(postJsonAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/chat",
                "{\"message\": \"My husband hits me and I am afraid to go home\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.safety.category").value("abuse"))
            .andExpect(jsonPath("$.reply.text").value(containsString("1-800-799-7233")));
    }

    @Test
    void ordinaryMessagesCarryNoSafetyPart() throws Exception {
        this.mvc.perform(postJsonAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/chat",
                "{\"message\": \"I am grateful for today\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.safety").doesNotExist());
    }

    @Test
    void repeatedCrisisMessagesInAConversationKeepOneEscalationThatCountsThem() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId);
        MvcResult first = this.mvc.perform(postJsonAs(token, "/api/v1/chat", "{\"message\": \"I want to die\"}"))
            .andReturn();
        String conversationId = Json.read(first, "$.conversationId");
        MvcResult second = this.mvc.perform(postJsonAs(token, "/api/v1/chat",
                "{\"message\": \"I keep thinking about suicide\", \"conversationId\": \"" + conversationId + "\"}"))
            .andExpect(status().isOk())
            .andReturn();
        assertThat(Json.<String>read(second, "$.safety.escalationId")).isEqualTo(Json.read(first, "$.safety.escalationId"));
        List<Map<String, AttributeValue>> stored = Tables.partition("escalations", userId);
        assertThat(stored).hasSize(1);
        assertThat(stored.getFirst().get("signalCount").n()).isEqualTo("2");
    }

    @Test
    void theSupportTeamListsAcknowledgesAndTheStandardIsTracked() throws Exception {
        String userId = TestTokens.newUserId();
        MvcResult chat = this.mvc
            .perform(postJsonAs(TestTokens.user(userId), "/api/v1/chat", "{\"message\": \"I have been cutting myself\"}"))
            .andReturn();
        String escalationId = Json.read(chat, "$.safety.escalationId");
        String support = TestTokens.withScopes("support-agent-1", "support");
        double acknowledgedWithin = Meters.count(this.registry, "safety.escalations.acknowledged", "within_standard", "true");

        MvcResult open = this.mvc.perform(getAs(support, "/api/v1/support/escalations?limit=100"))
            .andExpect(status().isOk())
            .andReturn();
        List<Map<String, Object>> items = Json.read(open, "$.items[?(@.escalationId == '" + escalationId + "')]");
        assertThat(items).hasSize(1);
        assertThat(items.getFirst()).containsEntry("userId", userId)
            .containsEntry("category", "self-harm")
            .containsEntry("status", "OPEN")
            .containsEntry("overdue", false)
            .containsEntry("responseStandard", "PT15M");

        this.mvc.perform(postAs(support, "/api/v1/support/escalations/" + escalationId + "/acknowledge"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.status").value("ACKNOWLEDGED"))
            .andExpect(jsonPath("$.acknowledgedAt").isNotEmpty());
        this.mvc.perform(postAs(support, "/api/v1/support/escalations/" + escalationId + "/acknowledge"))
            .andExpect(status().isConflict());
        assertThat(Meters.count(this.registry, "safety.escalations.acknowledged", "within_standard", "true"))
            .isEqualTo(acknowledgedWithin + 1);

        Map<String, AttributeValue> stored = Tables.partition("escalations", userId).getFirst();
        assertThat(stored.get("acknowledgedAt").s()).isNotBlank();
        assertThat(stored.get("acknowledgedBy").s()).startsWith("u1.").doesNotContain("support-agent-1");

        MvcResult acknowledged = this.mvc
            .perform(getAs(TestTokens.operator("operator-1"), "/api/v1/support/escalations?status=ACKNOWLEDGED&limit=100"))
            .andExpect(status().isOk())
            .andReturn();
        assertThat(Json.<List<Object>>read(acknowledged, "$.items[?(@.escalationId == '" + escalationId + "')]")).hasSize(1);
    }

    @Test
    void anewSignalReopensAnAcknowledgedEscalation() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        MvcResult chat = this.mvc.perform(postJsonAs(token, "/api/v1/chat", "{\"message\": \"I want to kill myself\"}"))
            .andReturn();
        String escalationId = Json.read(chat, "$.safety.escalationId");
        String conversationId = Json.read(chat, "$.conversationId");
        this.mvc.perform(postAs(TestTokens.withScopes("agent", "support"), "/api/v1/support/escalations/" + escalationId
                + "/acknowledge")).andExpect(status().isOk());
        this.mvc.perform(postJsonAs(token, "/api/v1/chat",
                "{\"message\": \"I still want to die\", \"conversationId\": \"" + conversationId + "\"}"))
            .andExpect(jsonPath("$.safety.escalationId").value(escalationId));
        this.mvc.perform(postAs(TestTokens.withScopes("agent", "support"), "/api/v1/support/escalations/" + escalationId
                + "/acknowledge")).andExpect(status().isOk());
    }

    @Test
    void onlyTheSupportTeamAndOperatorsSeeEscalations() throws Exception {
        this.mvc.perform(getAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/support/escalations"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.detail").value(containsString("support or operator scope")));
        this.mvc.perform(postAs(TestTokens.withScopes("agent", "support"), "/api/v1/support/escalations/"
                + java.util.UUID.randomUUID() + "/acknowledge"))
            .andExpect(status().isNotFound());
    }
}
