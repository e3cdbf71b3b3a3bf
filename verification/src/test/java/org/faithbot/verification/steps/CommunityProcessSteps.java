package org.faithbot.verification.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.community.Listings;
import org.faithbot.verification.docs.StatedStandards;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.security.SeededMember;
import org.faithbot.verification.target.Targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of the community and support processes (AC-6.3, AC-6.5) on the running service: the documents state the
 * standards the service is configured with, and a report, a moderation, an auto-hide and a crisis escalation go
 * through the team's endpoints as the documents say, timed against those standards.
 */
public class CommunityProcessSteps {

    private static final int MAX_PAGES = 500;

    private final ScenarioContext context;
    private List<StatedStandards.Standard> standards;
    private String prayerId;
    private Instant reportedAt;
    private String escalationId;
    private Instant crisisAt;
    private JsonNode chat;

    public CommunityProcessSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("{string} and {string} state the standards {string} as the service is configured")
    public void documentsStateStandards(String first, String second, String keys) {
        standards = StatedStandards.configured(Targets.projectRoot());
        List<String> wanted = List.of(keys.split(",\\s*"));
        List<StatedStandards.Standard> judged = standards.stream().filter(s -> wanted.stream().anyMatch(w -> s.key().endsWith(w))).toList();
        assertThat(judged).as("standards named " + wanted).hasSize(wanted.size());
        List<String> misstated = new ArrayList<>();
        for (String document : List.of(first, second)) {
            String path = pathOf(document);
            StatedStandards.misstated(read(path), judged).forEach(m -> misstated.add(path + ": " + m));
        }
        context.evidence().require("docs.stated-standards", Figure.of("standards the documents state otherwise than the service is configured",
                misstated.size(), "standards").equalTo(0).when(judged.stream().map(s -> s.key() + " = " + s.configured()).toList() + " in "
                + first + " and " + second + " (service/src/main/resources/application.yaml)" + (misstated.isEmpty() ? "" : "\n" + String.join("\n", misstated))));
    }

    @When("a member's community prayer is reported by another member")
    public void prayerReported() {
        prayerId = communityPrayer("Alma");
        reportedAt = Instant.now();
        report(prayerId, "harsh words about another member");
    }

    @Then("the moderation queue shows the report at once, due within the moderation standard")
    public void queueShowsReport() {
        String moderator = token("moderator");
        Duration standard = StatedStandards.duration(configured("moderation-standard"));
        Optional<JsonNode> report = Optional.empty();
        Instant deadline = Instant.now().plusSeconds(10);
        while (report.isEmpty() && Instant.now().isBefore(deadline)) {
            report = Listings.find(baseUrl(), moderator, "/api/v1/moderation/reports", "prayerId", prayerId, MAX_PAGES);
        }
        Duration shownAfter = Duration.between(reportedAt, Instant.now());
        assertThat(report).as("the report of prayer " + prayerId + " in the moderators' queue").isPresent();
        Duration due = Duration.between(Instant.parse(report.get().path("createdAt").asText()), Instant.parse(report.get().path("dueAt").asText()));
        context.evidence().require("community.moderation-queue", Figure.of("time from a report to the moderators' queue", shownAfter.toMillis(), "ms")
                .atMost(standard.toMillis()).when("the report of a community prayer, read by a moderator through GET /api/v1/moderation/reports"));
        context.evidence().require("community.moderation-due", Figure.of("time a report is due in, as the queue shows it", due.toSeconds(), "s")
                .equalTo(standard.toSeconds()).when("the moderation standard chatbot.prayer.moderation-standard = " + configured("moderation-standard")));
    }

    @When("a moderator hides the prayer")
    public void moderatorHides() {
        JsonNode hidden = SeededMember.call(baseUrl(), token("moderator"), "POST", "/api/v1/moderation/prayers/" + prayerId + "/hide", null, 200);
        assertThat(hidden.path("hidden").asBoolean()).as("the hide's answer: " + hidden).isTrue();
        assertThat(hidden.path("reportsResolved").asInt()).as("reports resolved by the hide").isPositive();
    }

    @Then("the prayer is gone from the community feed and its report from the queue")
    public void goneFromFeed() {
        boolean inFeed = inFeed(prayerId);
        boolean inQueue = Listings.find(baseUrl(), token("moderator"), "/api/v1/moderation/reports", "prayerId", prayerId, MAX_PAGES).isPresent();
        context.evidence().require("community.hidden", Figure.of("hidden prayers still in the community feed or their reports still open",
                (inFeed ? 1 : 0) + (inQueue ? 1 : 0), "places").equalTo(0).when("a prayer a moderator hid: in the feed " + inFeed + ", report open " + inQueue));
    }

    @When("another community prayer is reported by as many members as the auto-hide threshold")
    public void reportedByThreshold() {
        prayerId = communityPrayer("Bea");
        int threshold = Integer.parseInt(configured("auto-hide-flags"));
        for (int i = 0; i < threshold; i++) {
            assertThat(inFeed(prayerId)).as("the prayer in the feed before report " + (i + 1) + " of " + threshold).isTrue();
            report(prayerId, "report " + (i + 1));
        }
    }

    @Then("it is gone from the community feed without a moderator, and moderators see it hidden with its reports")
    public void autoHidden() {
        boolean inFeed = inFeed(prayerId);
        JsonNode forModeration = SeededMember.call(baseUrl(), token("moderator"), "GET", "/api/v1/moderation/prayers/" + prayerId, null, 200);
        context.evidence().require("community.auto-hidden", Figure.of("prayers reported by the auto-hide threshold still in the feed", inFeed ? 1 : 0, "prayers")
                .equalTo(0).when(configured("auto-hide-flags") + " reports from different members (chatbot.prayer.auto-hide-flags); the moderators see "
                        + "hidden " + forModeration.path("hidden").asBoolean() + " with " + forModeration.path("flagCount").asLong() + " reports"));
        assertThat(forModeration.path("hidden").asBoolean()).as("hidden, as the moderators see it: " + forModeration).isTrue();
        assertThat(forModeration.path("flagCount").asLong()).as("its reports").isEqualTo(Long.parseLong(configured("auto-hide-flags")));
    }

    @When("a member writes a message in crisis language")
    public void crisisMessage() {
        String member = context.target().tokens().tokenFor(TestUser.fresh("crisis"));
        crisisAt = Instant.now();
        chat = SeededMember.call(baseUrl(), member, "POST", "/api/v1/chat", "{\"message\": \"I can't go on, I want to end my life\"}", 200);
        escalationId = chat.path("safety").path("escalationId").asText(null);
    }

    @Then("the member is shown crisis resources at once, and support lists the escalation, due within the escalation standard")
    public void supportListsIt() {
        assertThat(chat.path("safety").path("resources").size()).as("crisis resources in the reply: " + chat.path("safety")).isPositive();
        assertThat(escalationId).as("the escalation the reply names").isNotNull();
        Optional<JsonNode> listed = Listings.find(baseUrl(), token("support"), "/api/v1/support/escalations", "escalationId", escalationId, MAX_PAGES);
        Duration shownAfter = Duration.between(crisisAt, Instant.now());
        assertThat(listed).as("escalation " + escalationId + " among the open ones support lists").isPresent();
        Duration due = Duration.between(Instant.parse(listed.get().path("createdAt").asText()), Instant.parse(listed.get().path("dueAt").asText()));
        Duration standard = StatedStandards.duration(configured("escalation-response-standard"));
        context.evidence().require("support.escalation-listed", Figure.of("time from a crisis message to support's list", shownAfter.toMillis(), "ms")
                .atMost(standard.toMillis()).when("read page by page through GET /api/v1/support/escalations (oldest first) as support"));
        context.evidence().require("support.escalation-due", Figure.of("time an escalation is due in, as support sees it", due.toSeconds(), "s")
                .equalTo(standard.toSeconds()).when("chatbot.safety.escalation-response-standard = " + configured("escalation-response-standard")));
    }

    @When("support acknowledges it")
    public void supportAcknowledges() {
        JsonNode acknowledged = SeededMember.call(baseUrl(), token("support"), "POST", "/api/v1/support/escalations/" + escalationId + "/acknowledge",
                null, 200);
        Allure.addAttachment("the acknowledged escalation", "application/json", acknowledged.toPrettyString(), ".json");
        chat = acknowledged;
    }

    @Then("it is acknowledged within the escalation standard and no longer open")
    public void acknowledgedInTime() {
        Instant acknowledgedAt = Instant.parse(chat.path("acknowledgedAt").asText());
        Duration took = Duration.between(Instant.parse(chat.path("createdAt").asText()), acknowledgedAt);
        Duration standard = StatedStandards.duration(configured("escalation-response-standard"));
        boolean stillOpen = Listings.find(baseUrl(), token("support"), "/api/v1/support/escalations", "escalationId", escalationId, MAX_PAGES).isPresent();
        context.evidence().require("support.escalation-acknowledged", Figure.of("time from the escalation to its acknowledgement", took.toMillis(), "ms")
                .atMost(standard.toMillis()).when("status " + chat.path("status").asText() + ", overdue " + chat.path("overdue").asBoolean()
                        + "; still among the open ones: " + stillOpen));
        assertThat(chat.path("status").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(chat.path("overdue").asBoolean()).as("overdue").isFalse();
        assertThat(stillOpen).as("still listed as open").isFalse();
    }

    private static String pathOf(String document) {
        return switch (document) {
            case "the community guidelines" -> "service/src/main/resources/documents/community-guidelines.md";
            case "the prayer-team onboarding" -> "docs/community/prayer-team-onboarding.md";
            case "the support process" -> "docs/operations/support-and-escalation.md";
            default -> throw new IllegalArgumentException("no document called " + document);
        };
    }

    private String communityPrayer(String name) {
        String author = context.target().tokens().tokenFor(TestUser.fresh(name));
        JsonNode created = SeededMember.call(baseUrl(), author, "POST", "/api/v1/prayers",
                "{\"text\": \"Pray for my sister's healing, " + UUID.randomUUID() + "\", \"visibility\": \"COMMUNITY\"}", 201);
        String id = created.path("prayerId").asText();
        assertThat(inFeed(id)).as("the new community prayer in the feed").isTrue();
        return id;
    }

    private void report(String id, String reason) {
        String reporter = context.target().tokens().tokenFor(TestUser.fresh("reporter"));
        SeededMember.call(baseUrl(), reporter, "POST", "/api/v1/prayers/" + id + "/flags", "{\"reason\": \"" + reason + "\"}", 201);
    }

    private boolean inFeed(String id) {
        return Listings.find(baseUrl(), token("member"), "/api/v1/prayers/community", "prayerId", id, 3).isPresent();
    }

    private String token(String role) {
        return "member".equals(role) ? context.target().tokens().tokenFor(TestUser.fresh("reader"))
                : context.target().tokens().tokenFor(TestUser.fresh(role.replace("-", "")), role);
    }

    private String configured(String name) {
        return standards.stream().filter(s -> s.key().endsWith("." + name)).findFirst().orElseThrow().configured();
    }

    private String baseUrl() {
        return context.target().baseUrl();
    }

    private static String read(String path) {
        try {
            return Files.readString(Targets.projectRoot().resolve(Path.of(path)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
