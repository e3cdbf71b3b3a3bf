package org.faithbot.chatbot.account;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.Json;
import org.faithbot.chatbot.support.Meters;
import org.faithbot.chatbot.support.Tables;
import org.faithbot.chatbot.support.TestTokens;
import org.faithbot.chatbot.support.TraceSweep;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faithbot.chatbot.support.Requests.getAs;
import static org.faithbot.chatbot.support.Requests.postJsonAs;
import static org.faithbot.chatbot.support.Requests.putJsonAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Registration with consents, consent changes, the CCPA opt-out and how it is honoured, the audit trail. */
class PrivacyApiTest extends ApiTest {

    static final String VERSION = "2026-11-01";

    @Autowired
    private MeterRegistry registry;

    @Test
    void registersWithExplicitConsentsRecordedWithTheirTime() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId, "lydia@example.org", "Lydia");
        this.mvc.perform(postJsonAs(token, "/api/v1/accounts", consents(true, true, false)))
            .andExpect(status().isCreated())
            .andExpect(header().string("Location", "/api/v1/me/consents"))
            .andExpect(jsonPath("$.userId").value(userId))
            .andExpect(jsonPath("$.registeredAt").isNotEmpty())
            .andExpect(jsonPath("$.consents", hasSize(3)))
            .andExpect(jsonPath("$.consents[2].purpose").value("analytics"))
            .andExpect(jsonPath("$.consents[2].granted").value(false))
            .andExpect(jsonPath("$.consents[2].recordedAt").isNotEmpty());

        List<Map<String, AttributeValue>> stored = Tables.partition("consents", userId);
        assertThat(stored).hasSize(3).allSatisfy(item -> {
            assertThat(item.get("version").s()).isEqualTo(VERSION);
            assertThat(item.get("recordedAt").s()).isNotBlank();
            assertThat(item.get("source").s()).isEqualTo("registration");
        });
        Map<String, AttributeValue> profile = Tables.get("users", Map.of("userId", Tables.s(userId)));
        assertThat(profile.get("registeredAt").s()).isNotBlank();
        assertThat(profile.get("email").s()).isEqualTo("lydia@example.org");

        this.mvc.perform(postJsonAs(token, "/api/v1/accounts", consents(true, true, false)))
            .andExpect(status().isConflict());
    }

    @Test
    void registrationNeedsTheRequiredConsentsToTheCurrentVersions() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        this.mvc.perform(postJsonAs(token, "/api/v1/accounts", consents(true, false, true)))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("privacy-policy")));
        this.mvc.perform(postJsonAs(token, "/api/v1/accounts",
                "{\"consents\": [{\"purpose\": \"terms-of-service\", \"version\": \"2020-01-01\", \"granted\": true}]}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("current version " + VERSION)));
        this.mvc.perform(postJsonAs(token, "/api/v1/accounts",
                "{\"consents\": [{\"purpose\": \"marketing\", \"version\": \"" + VERSION + "\", \"granted\": true}]}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("Unknown consent purpose")));
    }

    @Test
    void consentsChangeWithHistoryAndRequiredOnesCannotBeWithdrawn() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId);
        this.mvc.perform(putJsonAs(token, "/api/v1/me/consents", analytics(true))).andExpect(status().isNotFound());
        this.mvc.perform(postJsonAs(token, "/api/v1/accounts", consents(true, true, false))).andExpect(status().isCreated());

        this.mvc.perform(putJsonAs(token, "/api/v1/me/consents", analytics(true)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.consents[?(@.purpose == 'analytics')].granted").value(true))
            .andExpect(jsonPath("$.history", hasSize(4)))
            .andExpect(jsonPath("$.purposes[?(@.purpose == 'terms-of-service')].currentVersion").value(VERSION));
        assertThat(Tables.get("users", Map.of("userId", Tables.s(userId))).get("analyticsConsent").bool()).isTrue();

        this.mvc.perform(putJsonAs(token, "/api/v1/me/consents",
                "{\"consents\": [{\"purpose\": \"privacy-policy\", \"version\": \"" + VERSION + "\", \"granted\": false}]}"))
            .andExpect(status().isConflict())
            .andExpect(jsonPath("$.detail").value(containsString("DELETE /api/v1/me")));
        this.mvc.perform(getAs(token, "/api/v1/me/consents"))
            .andExpect(jsonPath("$.consents", hasSize(3)))
            .andExpect(jsonPath("$.history", hasSize(4)));
    }

    @Test
    void theOptOutIsRecordedAndHonouredAnalyticsStopForTheUser() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId);
        this.mvc.perform(postJsonAs(token, "/api/v1/accounts", consents(true, true, true))).andExpect(status().isCreated());
        double emitted = emitted();
        double suppressed = suppressed("opt_out");

        chatAs(token, "I am thankful for my family", null);
        assertThat(emitted()).isEqualTo(emitted + 1);

        this.mvc.perform(getAs(token, "/api/v1/me/privacy/sale-sharing-opt-out"))
            .andExpect(jsonPath("$.optOut").value(false))
            .andExpect(jsonPath("$.recordedAt").value(nullValue()));
        this.mvc.perform(putJsonAs(token, "/api/v1/me/privacy/sale-sharing-opt-out", "{\"optOut\": true}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.optOut").value(true))
            .andExpect(jsonPath("$.recordedAt").isNotEmpty())
            .andExpect(jsonPath("$.source").value("api"));
        Map<String, AttributeValue> profile = Tables.get("users", Map.of("userId", Tables.s(userId)));
        assertThat(profile.get("saleSharingOptOut").bool()).isTrue();
        assertThat(profile.get("saleSharingOptOutAt").s()).isNotBlank();

        chatAs(token, "I am thankful for my friends", null);
        chatAs(token, "I am thankful for my church", null);
        assertThat(emitted()).isEqualTo(emitted + 1);
        assertThat(suppressed("opt_out")).isEqualTo(suppressed + 2);
    }

    @Test
    void aGlobalPrivacyControlSignalIsHonouredAndRecordedAsAnOptOut() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId);
        this.mvc.perform(postJsonAs(token, "/api/v1/accounts", consents(true, true, true))).andExpect(status().isCreated());
        double emitted = emitted();
        double suppressed = suppressed("gpc");

        this.mvc.perform(postJsonAs(token, "/api/v1/chat", "{\"message\": \"thank you\"}").header("Sec-GPC", "1"))
            .andExpect(status().isOk());
        assertThat(emitted()).isEqualTo(emitted);
        assertThat(suppressed("gpc")).isEqualTo(suppressed + 1);
        this.mvc.perform(getAs(token, "/api/v1/me/privacy/sale-sharing-opt-out"))
            .andExpect(jsonPath("$.optOut").value(true))
            .andExpect(jsonPath("$.source").value("gpc"));
    }

    @Test
    void withoutAnalyticsConsentNothingIsEmitted() throws Exception {
        double emitted = emitted();
        chatAs(TestTokens.user(TestTokens.newUserId()), "thank you", null);
        assertThat(emitted()).isEqualTo(emitted);
    }

    @Test
    void theAuditTrailRecordsPrivacyActionsWithoutAnyPersonalData() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId, "priscilla@example.org", "Priscilla Aquila");
        this.mvc.perform(postJsonAs(token, "/api/v1/accounts", consents(true, true, false))).andExpect(status().isCreated());
        this.mvc.perform(putJsonAs(token, "/api/v1/me/consents", analytics(true))).andExpect(status().isOk());
        this.mvc.perform(putJsonAs(token, "/api/v1/me/privacy/sale-sharing-opt-out", "{\"optOut\": true}"));
        this.mvc.perform(getAs(token, "/api/v1/me/export")).andExpect(status().isOk());
        this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete("/api/v1/me")
            .header("Authorization", TestTokens.bearer(token))).andExpect(status().isOk());

        MvcResult audit = this.mvc.perform(getAs(token, "/api/v1/me/privacy/audit")).andExpect(status().isOk()).andReturn();
        assertThat(Json.<List<String>>read(audit, "$[*].action")).containsExactly("DATA_ERASED", "DATA_EXPORTED",
                "SALE_SHARING_OPT_OUT", "CONSENT_CHANGED", "ACCOUNT_REGISTERED");
        assertThat(Json.<String>read(audit, "$[3].details.analytics")).isEqualTo("granted@" + VERSION);
        assertThat(Json.<String>read(audit, "$[0].details.users")).isEqualTo("1");

        assertThat(TraceSweep.tracesOf(Set.of(userId, "priscilla@example.org", "Priscilla Aquila"))).isEmpty();
    }

    private double emitted() {
        return Meters.count(this.registry, "analytics.events", "type", "chat_turn", "outcome", "emitted");
    }

    private double suppressed(String reason) {
        return Meters.count(this.registry, "analytics.events", "type", "chat_turn", "outcome", "suppressed", "reason",
                reason);
    }

    static String consents(boolean terms, boolean privacy, boolean analytics) {
        return "{\"consents\": [" + consent("terms-of-service", terms) + ", " + consent("privacy-policy", privacy) + ", "
                + consent("analytics", analytics) + "]}";
    }

    static String analytics(boolean granted) {
        return "{\"consents\": [" + consent("analytics", granted) + "]}";
    }

    private static String consent(String purpose, boolean granted) {
        return "{\"purpose\": \"" + purpose + "\", \"version\": \"" + VERSION + "\", \"granted\": " + granted + "}";
    }
}
