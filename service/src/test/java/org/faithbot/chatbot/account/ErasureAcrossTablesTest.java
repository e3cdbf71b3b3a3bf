package org.faithbot.chatbot.account;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.faithbot.chatbot.retention.UserRetentionSweeper;
import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.Json;
import org.faithbot.chatbot.support.Tables;
import org.faithbot.chatbot.support.TestTokens;
import org.faithbot.chatbot.support.TraceSweep;
import org.faithbot.chatbot.system.cache.PersonalDataCache;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.faithbot.chatbot.support.Requests.getAs;
import static org.faithbot.chatbot.support.Requests.postAs;
import static org.faithbot.chatbot.support.Requests.postJsonAs;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A user with data in every table (and data about them in other users' partitions) exports all of
 * it, and after erasure no table, index or in-process cache holds any trace of them.
 */
class ErasureAcrossTablesTest extends ApiTest {

    private static final String EMAIL = "martha.bethany@example.org";

    private static final String NAME = "Martha Bethany";

    @Autowired
    private List<PersonalDataCache> caches;

    @Autowired
    private UserRetentionSweeper sweeper;

    @Test
    void exportHoldsEveryTablesDataAndErasureLeavesNoTraceAnywhere() throws Exception {
        String userId = "member-" + UUID.randomUUID();
        String user = TestTokens.withScopes(userId, "chat prayer-team");
        String userWithClaims = TestTokens.user(userId, EMAIL, NAME);
        String chatText = "Martha worries about the harvest";
        String crisisText = "sometimes I want to die";
        String prayerText = "Pray for Martha's brother Lazarus";
        String responseText = "Martha, we are praying with you";
        String flagReason = "Martha thinks this is spam";

        this.mvc.perform(postJsonAs(userWithClaims, "/api/v1/accounts", PrivacyApiTest.consents(true, true, true)))
            .andExpect(status().isCreated());
        chatAs(userWithClaims, chatText, null);
        chatAs(userWithClaims, crisisText, null);
        String myPrayer = Json.read(this.mvc.perform(postJsonAs(user, "/api/v1/prayers",
                "{\"text\": \"" + prayerText + "\", \"visibility\": \"COMMUNITY\"}").header("Idempotency-Key", "k-1")).andReturn(),
                "$.prayerId");

        String teamMember = TestTokens.withScopes("helper-" + UUID.randomUUID(), "prayer-team");
        this.mvc.perform(postAs(teamMember, "/api/v1/prayer-team/prayers/" + myPrayer + "/claim")).andExpect(status().isOk());
        this.mvc.perform(postJsonAs(teamMember, "/api/v1/prayer-team/prayers/" + myPrayer + "/responses",
                "{\"text\": \"Praying for Lazarus\"}")).andExpect(status().isCreated());
        this.mvc.perform(postJsonAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/prayers/" + myPrayer + "/flags",
                "{\"reason\": \"not sure this is ok\"}")).andExpect(status().isCreated());

        String othersPrayer = Json.read(this.mvc.perform(postJsonAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/prayers",
                "{\"text\": \"Another community prayer\", \"visibility\": \"COMMUNITY\"}").header("Idempotency-Key", "k-2"))
            .andReturn(), "$.prayerId");
        this.mvc.perform(postAs(user, "/api/v1/prayer-team/prayers/" + othersPrayer + "/claim")).andExpect(status().isOk());
        this.mvc.perform(postJsonAs(user, "/api/v1/prayer-team/prayers/" + othersPrayer + "/responses",
                "{\"text\": \"" + responseText + "\"}")).andExpect(status().isCreated());
        this.mvc.perform(postJsonAs(user, "/api/v1/prayers/" + othersPrayer + "/flags", "{\"reason\": \"" + flagReason + "\"}"))
            .andExpect(status().isCreated());

        MvcResult export = this.mvc.perform(getAs(user, "/api/v1/me/export"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.format").value("faithbot-export/2"))
            .andExpect(jsonPath("$.profile.email").value(EMAIL))
            .andExpect(jsonPath("$.messages", hasSize(4)))
            .andExpect(jsonPath("$.conversations", hasSize(2)))
            .andExpect(jsonPath("$.consents", hasSize(3)))
            .andExpect(jsonPath("$.prayers", hasSize(1)))
            .andExpect(jsonPath("$.prayers[0].text").value(prayerText))
            .andExpect(jsonPath("$.prayerResponses", hasSize(1)))
            .andExpect(jsonPath("$.prayerResponses[0].text").value(responseText))
            .andExpect(jsonPath("$.prayerFlags", hasSize(1)))
            .andExpect(jsonPath("$.prayerFlags[0].reason").value(flagReason))
            .andExpect(jsonPath("$.escalations", hasSize(1)))
            .andExpect(jsonPath("$.idempotencyKeys", hasSize(1)))
            .andExpect(jsonPath("$.responsesToMyPrayers", hasSize(1)))
            .andExpect(jsonPath("$.responsesToMyPrayers[0].text").value("Praying for Lazarus"))
            .andExpect(jsonPath("$.reportsAboutMyPrayers", hasSize(1)))
            .andExpect(jsonPath("$.privacyAudit[0].action").value("ACCOUNT_REGISTERED"))
            .andReturn();
        assertThat(Json.body(export)).doesNotContain("helper-");

        await().until(() -> this.sweeper.running() == 0);
        Set<String> traces = Set.of(userId, EMAIL, NAME, chatText, crisisText, prayerText, responseText, flagReason,
                "Praying for Lazarus", "not sure this is ok");
        assertThat(TraceSweep.tracesOf(traces)).isNotEmpty();
        assertThat(this.caches.stream().anyMatch(cache -> cache.holds(userId))).isTrue();

        this.mvc.perform(delete("/api/v1/me").header("Authorization", TestTokens.bearer(user)))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.deleted.users").value(1))
            .andExpect(jsonPath("$.deleted.messages").value(4))
            .andExpect(jsonPath("$.deleted.conversations").value(2))
            .andExpect(jsonPath("$.deleted.consents").value(3))
            .andExpect(jsonPath("$.deleted.prayers").value(1))
            .andExpect(jsonPath("$['deleted']['prayer-responses']").value(1))
            .andExpect(jsonPath("$['deleted']['prayer-flags']").value(1))
            .andExpect(jsonPath("$.deleted.escalations").value(1))
            .andExpect(jsonPath("$['deleted']['idempotency-keys']").value(1))
            .andExpect(jsonPath("$.relatedDeleted.responsesToMyPrayers").value(1))
            .andExpect(jsonPath("$.relatedDeleted.reportsAboutMyPrayers").value(1))
            .andExpect(jsonPath("$.cachesCleared", hasSize(this.caches.size())));

        assertThat(TraceSweep.tracesOf(traces)).isEmpty();
        assertThat(this.caches).noneMatch(cache -> cache.holds(userId));
        assertThat(Tables.partition("prayers", userId)).isEmpty();
        MvcResult feed = this.mvc.perform(getAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/prayers/community?limit=100"))
            .andReturn();
        assertThat(Json.<List<String>>read(feed, "$.items[*].prayerId")).doesNotContain(myPrayer).contains(othersPrayer);
        Map<String, Object> othersView = Json.<List<Map<String, Object>>>read(feed,
                "$.items[?(@.prayerId == '" + othersPrayer + "')]").getFirst();
        assertThat(othersView).containsEntry("responseCount", 1);
    }
}
