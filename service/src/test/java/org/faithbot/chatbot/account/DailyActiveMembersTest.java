package org.faithbot.chatbot.account;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.TestTokens;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The daily active members: each member counted once a day, whatever they do and however often. */
class DailyActiveMembersTest extends ApiTest {

    @Autowired
    private MeterRegistry registry;

    @Autowired
    private DynamoDbClient dynamoDb;

    @Autowired
    private TableCatalog catalog;

    @Test
    void aMemberIsCountedOnceADayWhetherTheyChatOrPrayAndAgainOnTheirNextDay() throws Exception {
        String alice = TestTokens.newUserId();
        String bob = TestTokens.newUserId();
        double before = counted();

        chatAs(TestTokens.user(alice), "I need some hope this week", null);
        chatAs(TestTokens.user(alice), "Thank you", null);
        pray(TestTokens.user(alice));
        assertThat(counted() - before).as("Alice's three requests of one day").isEqualTo(1.0);

        pray(TestTokens.user(bob));
        chatAs(TestTokens.user(bob), "I am grateful today", null);
        assertThat(counted() - before).as("Alice and Bob, whichever they did first").isEqualTo(2.0);

        String dan = TestTokens.newUserId();
        this.mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.user(dan)))
                .contentType(MediaType.APPLICATION_JSON).content(PrivacyApiTest.consents(true, true, false)))
            .andExpect(status().isCreated());
        chatAs(TestTokens.user(dan), "I just joined", null);
        assertThat(counted() - before).as("Dan, who registered and then chatted").isEqualTo(3.0);
        chatAs(TestTokens.user(bob), "Back again", null);
        this.mvc.perform(post("/api/v1/accounts").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(TestTokens.user(bob)))
                .contentType(MediaType.APPLICATION_JSON).content(PrivacyApiTest.consents(true, true, false)))
            .andExpect(status().isCreated());
        assertThat(counted() - before).as("Bob, who chatted and then registered the same day").isEqualTo(3.0);
        assertThat(lastActiveOn(alice)).isEqualTo(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString());

        // Alice's last activity was yesterday: her first request today counts her again
        this.dynamoDb.updateItem(request -> request.tableName(this.catalog.physicalName(TableCatalog.USERS))
            .key(Map.of("userId", AttributeValue.fromS(alice)))
            .updateExpression("SET lastActiveOn = :yesterday")
            .expressionAttributeValues(Map.of(":yesterday", AttributeValue.fromS(
                    java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString()))));
        chatAs(TestTokens.user(alice), "Good morning", null);
        chatAs(TestTokens.user(alice), "Good morning again", null);
        assertThat(counted() - before).as("Alice again on her next day, once").isEqualTo(4.0);
    }

    @Test
    void anErasedMembersDayOfActivityGoesWithTheirProfile() throws Exception {
        String carol = TestTokens.newUserId();
        String token = TestTokens.user(carol);
        chatAs(token, "I feel lonely in this new city", null);
        assertThat(lastActiveOn(carol)).isNotNull();

        this.mvc.perform(delete("/api/v1/me").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))).andExpect(status().isOk());

        assertThat(this.dynamoDb.getItem(request -> request.tableName(this.catalog.physicalName(TableCatalog.USERS))
            .key(Map.of("userId", AttributeValue.fromS(carol))).consistentRead(true)).hasItem()).isFalse();
    }

    private void pray(String token) throws Exception {
        this.mvc.perform(post("/api/v1/prayers").header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token))
                .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"Pray for peace in our family\", \"visibility\": \"PRIVATE\"}"))
            .andExpect(status().is2xxSuccessful());
    }

    private String lastActiveOn(String userId) {
        AttributeValue day = this.dynamoDb.getItem(request -> request.tableName(this.catalog.physicalName(TableCatalog.USERS))
            .key(Map.of("userId", AttributeValue.fromS(userId))).consistentRead(true)).item().get("lastActiveOn");
        return day == null ? null : day.s();
    }

    private double counted() {
        return this.registry.get("members.active.daily").counter().count();
    }
}
