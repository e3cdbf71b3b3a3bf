package org.faithbot.chatbot.prayer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faithbot.chatbot.support.Requests.getAs;
import static org.faithbot.chatbot.support.Requests.postAs;
import static org.faithbot.chatbot.support.Requests.postJsonAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

class PrayerApiTest extends ApiTest {

    private static final String TEAM = TestTokens.withScopes("team-member-1", "chat prayer-team");

    private static final String OTHER_TEAM_MEMBER = TestTokens.withScopes("team-member-2", "prayer-team");

    private static final String MODERATOR = TestTokens.withScopes("moderator-1", "moderator");

    @Autowired
    private MeterRegistry registry;

    @Test
    void submitsAPrayerAndARetryWithTheSameKeyNeverDuplicatesIt() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId);
        String key = UUID.randomUUID().toString();
        MvcResult first = this.mvc.perform(submit(token, key, "Please pray for my mother's surgery", "PRIVATE"))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "false"))
            .andExpect(jsonPath("$.status").value("OPEN"))
            .andExpect(jsonPath("$.visibility").value("PRIVATE"))
            .andExpect(jsonPath("$.createdAt").isNotEmpty())
            .andReturn();
        String prayerId = Json.read(first, "$.prayerId");

        this.mvc.perform(submit(token, key, "Please pray for my mother's surgery", "PRIVATE"))
            .andExpect(status().isCreated())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andExpect(jsonPath("$.prayerId").value(prayerId))
            .andExpect(jsonPath("$.createdAt").value(Json.<String>read(first, "$.createdAt")));
        assertThat(Tables.partition("prayers", userId)).hasSize(1);
        assertThat(Tables.partition("idempotency-keys", userId)).hasSize(1);

        this.mvc.perform(submit(token, key, "A different request", "PRIVATE"))
            .andExpect(status().isUnprocessableContent())
            .andExpect(jsonPath("$.detail").value(containsString("different request")));
        assertThat(Tables.partition("prayers", userId)).hasSize(1);
    }

    @Test
    void concurrentRetriesOfOneRequestCreateExactlyOnePrayer() throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId);
        String key = UUID.randomUUID().toString();
        List<String> ids = runConcurrently(6, () -> Json.read(this.mvc
            .perform(submit(token, key, "Pray for peace in my family", "COMMUNITY"))
            .andExpect(status().isCreated())
            .andReturn(), "$.prayerId"));
        assertThat(ids).hasSize(6).containsOnly(ids.getFirst());
        assertThat(Tables.partition("prayers", userId)).hasSize(1);
    }

    @Test
    void anIdempotencyKeyIsRequiredAndValidated() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        this.mvc.perform(postJsonAs(token, "/api/v1/prayers", "{\"text\": \"hi\", \"visibility\": \"PRIVATE\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(containsString("Idempotency-Key")));
        this.mvc.perform(submit(token, "not a valid key!", "hi", "PRIVATE")).andExpect(status().isBadRequest());
    }

    @Test
    void theCommunityFeedShowsVisibleCommunityPrayersWithoutTheirAuthors() throws Exception {
        String authorId = TestTokens.newUserId();
        String author = TestTokens.user(authorId, "hannah@example.org", "Hannah");
        String communityId = prayerId(this.mvc.perform(submit(author, UUID.randomUUID().toString(),
                "Pray for rain for our farm", "COMMUNITY")).andReturn());
        String privateId = prayerId(this.mvc.perform(submit(author, UUID.randomUUID().toString(),
                "A private worry", "PRIVATE")).andReturn());

        MvcResult feed = this.mvc.perform(getAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/prayers/community?limit=100"))
            .andExpect(status().isOk())
            .andReturn();
        List<String> ids = Json.read(feed, "$.items[*].prayerId");
        assertThat(ids).contains(communityId).doesNotContain(privateId);
        assertThat(Json.body(feed)).doesNotContain(authorId, "hannah@example.org", "Hannah", "A private worry");

        this.mvc.perform(getAs(author, "/api/v1/prayers/mine"))
            .andExpect(jsonPath("$.items", hasSize(2)))
            .andExpect(jsonPath("$.items[0].prayerId").value(privateId))
            .andExpect(jsonPath("$.items[1].prayerId").value(communityId));
    }

    @Test
    void exactlyOneTeamMemberClaimsAPrayerAndOnlyTheyRespond() throws Exception {
        String authorId = TestTokens.newUserId();
        String author = TestTokens.user(authorId);
        String prayerId = prayerId(this.mvc.perform(submit(author, UUID.randomUUID().toString(),
                "Pray for my job interview", "PRIVATE")).andReturn());

        MvcResult queue = this.mvc.perform(getAs(TEAM, "/api/v1/prayer-team/queue?limit=100")).andExpect(status().isOk()).andReturn();
        List<Map<String, Object>> queued = Json.read(queue, "$.items[?(@.prayerId == '" + prayerId + "')]");
        assertThat(queued).hasSize(1);
        assertThat(queued.getFirst()).containsEntry("text", "Pray for my job interview").containsEntry("overdue", false);
        assertThat(Json.body(queue)).doesNotContain(authorId);

        List<String> members = List.of(TEAM, OTHER_TEAM_MEMBER);
        List<Integer> statuses = runConcurrently(members.stream().<Callable<Integer>>map(member -> () -> this.mvc
            .perform(postAs(member, "/api/v1/prayer-team/prayers/" + prayerId + "/claim"))
            .andReturn()
            .getResponse()
            .getStatus()).toList());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        MvcResult afterClaim = this.mvc.perform(getAs(TEAM, "/api/v1/prayer-team/queue?limit=100")).andReturn();
        assertThat(Json.<List<Object>>read(afterClaim, "$.items[?(@.prayerId == '" + prayerId + "')]")).isEmpty();

        Map<String, AttributeValue> stored = Tables.partition("prayers", authorId).getFirst();
        assertThat(stored.get("claimedBy").s()).startsWith("u1.").doesNotContain("team-member");
        String winner = members.get(statuses.indexOf(200));
        String loser = members.get(statuses.indexOf(409));

        long firstResponses = Meters.timerCount(this.registry, "prayer.first_response");
        this.mvc.perform(postJsonAs(loser, "/api/v1/prayer-team/prayers/" + prayerId + "/responses", "{\"text\": \"Praying!\"}"))
            .andExpect(status().isConflict());
        this.mvc.perform(postJsonAs(winner, "/api/v1/prayer-team/prayers/" + prayerId + "/responses",
                "{\"text\": \"We are praying for you and your interview.\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.firstResponse").value(true))
            .andExpect(jsonPath("$.withinStandard").value(true));
        assertThat(Meters.timerCount(this.registry, "prayer.first_response")).isEqualTo(firstResponses + 1);

        this.mvc.perform(getAs(author, "/api/v1/prayers/mine"))
            .andExpect(jsonPath("$.items[0].status").value("ANSWERED"))
            .andExpect(jsonPath("$.items[0].firstResponseAt").isNotEmpty())
            .andExpect(jsonPath("$.items[0].responses[0].text").value("We are praying for you and your interview."));
    }

    @Test
    void reportsHideAndResolveByTheCommunityGuidelines() throws Exception {
        String authorId = TestTokens.newUserId();
        String prayerId = prayerId(this.mvc.perform(submit(TestTokens.user(authorId), UUID.randomUUID().toString(),
                "Buy cheap watches at example.com", "COMMUNITY")).andReturn());
        String reporter = TestTokens.user(TestTokens.newUserId());

        MvcResult flag = this.mvc.perform(postJsonAs(reporter, "/api/v1/prayers/" + prayerId + "/flags", "{\"reason\": \"spam\"}"))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.status").value("OPEN"))
            .andReturn();
        this.mvc.perform(postJsonAs(reporter, "/api/v1/prayers/" + prayerId + "/flags", "{\"reason\": \"spam again\"}"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.flagId").value(Json.<String>read(flag, "$.flagId")));

        MvcResult reports = this.mvc.perform(getAs(MODERATOR, "/api/v1/moderation/reports?limit=100"))
            .andExpect(status().isOk())
            .andReturn();
        List<Map<String, Object>> mine = Json.read(reports, "$.items[?(@.prayerId == '" + prayerId + "')]");
        assertThat(mine).hasSize(1);
        assertThat(mine.getFirst()).containsEntry("reason", "spam").containsKey("dueAt");
        this.mvc.perform(getAs(MODERATOR, "/api/v1/moderation/prayers/" + prayerId))
            .andExpect(jsonPath("$.text").value("Buy cheap watches at example.com"))
            .andExpect(jsonPath("$.flagCount").value(1))
            .andExpect(jsonPath("$.reports", hasSize(1)));

        this.mvc.perform(postAs(MODERATOR, "/api/v1/moderation/prayers/" + prayerId + "/hide"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.hidden").value(true))
            .andExpect(jsonPath("$.reportsResolved").value(1));
        MvcResult feed = this.mvc.perform(getAs(reporter, "/api/v1/prayers/community?limit=100")).andReturn();
        assertThat(Json.<List<String>>read(feed, "$.items[*].prayerId")).doesNotContain(prayerId);
        MvcResult after = this.mvc.perform(getAs(MODERATOR, "/api/v1/moderation/reports?limit=100")).andReturn();
        assertThat(Json.<List<Object>>read(after, "$.items[?(@.prayerId == '" + prayerId + "')]")).isEmpty();
        this.mvc.perform(postJsonAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/prayers/" + prayerId + "/flags",
                "{\"reason\": \"hidden now\"}")).andExpect(status().isNotFound());
    }

    @Test
    void threeReportsHideACommunityPrayerUntilReviewed() throws Exception {
        String prayerId = prayerId(this.mvc.perform(submit(TestTokens.user(TestTokens.newUserId()),
                UUID.randomUUID().toString(), "Something hurtful", "COMMUNITY")).andReturn());
        for (int i = 0; i < 3; i++) {
            this.mvc.perform(postJsonAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/prayers/" + prayerId + "/flags",
                    "{\"reason\": \"hurtful\"}")).andExpect(status().isCreated());
        }
        MvcResult feed = this.mvc.perform(getAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/prayers/community?limit=100"))
            .andReturn();
        assertThat(Json.<List<String>>read(feed, "$.items[*].prayerId")).doesNotContain(prayerId);
    }

    @Test
    void privatePrayersOfOthersCannotBeSeenOrReported() throws Exception {
        String prayerId = prayerId(this.mvc.perform(submit(TestTokens.user(TestTokens.newUserId()),
                UUID.randomUUID().toString(), "Private", "PRIVATE")).andReturn());
        this.mvc.perform(postJsonAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/prayers/" + prayerId + "/flags",
                "{\"reason\": \"curious\"}"))
            .andExpect(status().isNotFound())
            .andExpect(jsonPath("$.detail").value("No prayer with this id"));
    }

    @Test
    void theTeamAndModerationApisNeedTheirScopes() throws Exception {
        String user = TestTokens.user(TestTokens.newUserId());
        this.mvc.perform(getAs(user, "/api/v1/prayer-team/queue"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.detail").value(containsString("prayer-team scope")));
        this.mvc.perform(postAs(user, "/api/v1/moderation/prayers/" + UUID.randomUUID() + "/hide"))
            .andExpect(status().isForbidden())
            .andExpect(jsonPath("$.detail").value(containsString("moderator scope")));
        this.mvc.perform(postAs(TEAM, "/api/v1/prayer-team/prayers/" + UUID.randomUUID() + "/claim"))
            .andExpect(status().isNotFound());
    }

    @Test
    void aReplayedSubmissionReachesPrometheusWithTheSameTagKeysAsACreatedOne() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        String key = UUID.randomUUID().toString();
        this.mvc.perform(submit(token, key, "Pray for rest", "PRIVATE")).andExpect(status().isCreated());
        this.mvc.perform(submit(token, key, "Pray for rest", "PRIVATE"));
        String scrape = this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
            .get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
        assertThat(scrape).containsPattern("prayers_submitted_total\\{[^}]*outcome=\"replayed\"[^}]*visibility=\"PRIVATE\"");
    }

    static MockHttpServletRequestBuilder submit(String token, String key, String text, String visibility) {
        return postJsonAs(token, "/api/v1/prayers", "{\"text\": \"" + text + "\", \"visibility\": \"" + visibility + "\"}")
            .header("Idempotency-Key", key);
    }

    static String prayerId(MvcResult result) throws Exception {
        return Json.read(result, "$.prayerId");
    }

    private static <T> List<T> runConcurrently(int callers, Callable<T> call) throws Exception {
        List<Callable<T>> calls = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            calls.add(call);
        }
        return runConcurrently(calls);
    }

    /** Runs the calls at once, and returns their results in the order of the calls. */
    private static <T> List<T> runConcurrently(List<Callable<T>> calls) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Callable<T> call : calls) {
                futures.add(executor.submit(() -> {
                    start.await();
                    return call.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        }
    }
}
