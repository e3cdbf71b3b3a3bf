package org.faithbot.verification.steps;

import com.fasterxml.jackson.databind.JsonNode;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ServiceInstance;
import org.faithbot.verification.privacy.PersonalDataSweep;
import org.faithbot.verification.satisfaction.RatingHistogram;
import org.faithbot.verification.security.SeededMember;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Steps of SC-PERF-2's mechanism on the local target: members rate replies through the API; the ratings are on the
 * replies, in the exports and in the service's chat_rating histogram, and go with the members' erasure.
 */
public class SatisfactionSteps {

    private static final String RATINGS = "satisfaction.ratings";

    /** A member's rated reply: the token, the conversation, the reply, the score and the comment (null: none). */
    private record Rated(String token, String conversationId, String messageId, int score, String comment) {
    }

    private final ScenarioContext context;
    private final List<Rated> rated = new ArrayList<>();
    private RatingHistogram before;
    private RatingHistogram counted;

    public SatisfactionSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("{int} members who each chat once and rate the reply, scores 1 to 5 in turn, every other one with a comment")
    public void membersRate(int members) {
        before = RatingHistogram.of(instanceUrls());
        for (int i = 0; i < members; i++) {
            String token = context.target().tokens().tokenFor(TestUser.fresh("rater"));
            JsonNode chat = SeededMember.call(baseUrl(), token, "POST", "/api/v1/chat", "{\"message\": \"I need some hope for tomorrow\"}", 200);
            int score = 1 + i % 5;
            String comment = i % 2 == 0 ? "rating-comment-" + UUID.randomUUID().toString().substring(0, 8) : null;
            String conversationId = chat.path("conversationId").asText();
            String messageId = chat.path("messageId").asText();
            JsonNode answer = SeededMember.call(baseUrl(), token, "PUT", "/api/v1/conversations/" + conversationId + "/messages/" + messageId
                    + "/rating", "{\"score\": " + score + (comment == null ? "" : ", \"comment\": \"" + comment + "\"") + "}", 200);
            if (answer.path("score").asInt() != score) {
                throw new AssertionError("the rating's answer: " + answer);
            }
            rated.add(new Rated(token, conversationId, messageId, score, comment));
        }
    }

    @Then("each rating is on its reply in the member's conversation and in the member's export")
    public void ratingsKept() {
        int onReply = 0;
        int inExport = 0;
        for (Rated rating : rated) {
            JsonNode messages = SeededMember.call(baseUrl(), rating.token(), "GET", "/api/v1/conversations/" + rating.conversationId() + "/messages",
                    null, 200);
            for (JsonNode message : messages.path("items")) {
                if (message.path("messageId").asText().equals(rating.messageId()) && message.path("rating").path("score").asInt() == rating.score()) {
                    onReply++;
                }
            }
            String export = SeededMember.call(baseUrl(), rating.token(), "GET", "/api/v1/me/export", null, 200).toString();
            if (export.contains("\"rating\"") && (rating.comment() == null || export.contains(rating.comment()))) {
                inExport++;
            }
        }
        context.evidence().require(RATINGS,
                Figure.of("ratings on their reply in the member's conversation", onReply, "ratings").equalTo(rated.size())
                        .when(rated.size() + " members, one rated reply each, read back through GET .../messages"),
                Figure.of("ratings in the member's export", inExport, "ratings").equalTo(rated.size())
                        .when("GET /api/v1/me/export of each member, the comment included where one was given"));
    }

    @Then("the instances' chat_rating histograms counted every rating, and their average is reported")
    public void histogramCounted() {
        counted = RatingHistogram.of(instanceUrls()).minus(before);
        double given = rated.stream().mapToInt(Rated::score).average().orElse(Double.NaN);
        context.evidence().require(RATINGS, Figure.of("ratings counted in the service's chat_rating histogram", counted.count(), "ratings")
                .equalTo(rated.size()).when("/actuator/prometheus of every instance, before and after"));
        context.evidence().record(RATINGS, Figure.of("average rating the histogram shows (the mechanism, not real members)", counted.average(), "of 5")
                .when("the scores given averaged " + given + "; SC-PERF-2's > 4.0 is judged on production's ratings"));
        if (Math.abs(counted.average() - given) > 1e-9) {
            throw new AssertionError("the histogram's average " + counted.average() + " differs from the scores given " + given);
        }
    }

    @When("the members erase their accounts")
    public void membersErase() {
        for (Rated rating : rated) {
            SeededMember.call(baseUrl(), rating.token(), "DELETE", "/api/v1/me", null, 200);
        }
    }

    @Then("no rating or comment of theirs is left in the data store")
    public void nothingLeft() {
        Set<String> fragments = new java.util.HashSet<>();
        rated.forEach(r -> {
            fragments.add(r.messageId());
            if (r.comment() != null) {
                fragments.add(r.comment());
            }
        });
        int left = new PersonalDataSweep(context.target().dynamoDb(), context.target().tablePrefix()).sweep(fragments).traces().size();
        context.evidence().require(RATINGS, Figure.of("items still holding an erased member's rated reply or comment", left, "items").equalTo(0)
                .when("every table and index swept for the " + rated.size() + " rated replies and their comments after the erasures"));
    }

    private List<String> instanceUrls() {
        return LocalTarget.of(context.target()).instances().stream().filter(i -> i.readinessStatus() == 200).map(ServiceInstance::url).toList();
    }

    private String baseUrl() {
        return context.target().baseUrl();
    }
}
