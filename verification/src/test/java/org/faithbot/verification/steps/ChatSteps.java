package org.faithbot.verification.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.HdrHistogram.Histogram;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.EvidenceRecorder;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.evidence.Evidence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Steps of the chat: users, messages, replies and their latency. */
public class ChatSteps {

    private final List<String> openings = List.of(
            "I feel anxious about tomorrow", "I lost my father last spring and I still grieve",
            "What is my purpose in all this", "I am grateful for my family today", "I need some hope this week");

    private final ScenarioContext context;
    private final List<JsonPath> replies = new ArrayList<>();
    private final Histogram latency = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);

    public ChatSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("a new user {string}")
    public void aNewUser(String firstName) {
        context.user(TestUser.fresh(firstName));
    }

    @Given("a new user {string} who has sent {int} chat message(s)")
    public void aNewUserWhoHasSent(String firstName, int count) {
        aNewUser(firstName);
        sendMessages(count, true);
    }

    @When("(s)he sends {int} chat message(s) one after another")
    public void sendsMessagesOneAfterAnother(int count) {
        sendMessages(count, false);
    }

    private void sendMessages(int count, boolean attach) {
        String token = context.token();
        for (int i = 0; i < count; i++) {
            String message = openings.get(i % openings.size()) + " (note " + context.user().id().substring(5, 13) + "-" + i + ")";
            long start = System.nanoTime();
            Response response = (attach ? context.api() : context.quietApi()).chat(token, message, context.conversationId());
            latency.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start)));
            assertThat(response.statusCode()).as("chat answer to message %d: %s", i, response.asString()).isEqualTo(200);
            JsonPath reply = response.jsonPath();
            context.conversationId(reply.getString("conversationId"));
            context.sentMessages().add(message);
            replies.add(reply);
        }
    }

    @Then("every reply carries an encouraging text and a scripture reference")
    public void everyReplyCarriesScripture() {
        assertThat(replies).isNotEmpty();
        for (JsonPath reply : replies) {
            assertThat(reply.getString("reply.text")).as("reply text").isNotBlank();
            assertThat(reply.getString("reply.scripture.reference")).as("scripture reference")
                    .matches("^[1-3]?\\s?[A-Za-z ]+ \\d+:\\d+([-–]\\d+)?$");
            assertThat(reply.getString("reply.scripture.text")).as("scripture text").isNotBlank();
            assertThat(reply.getString("conversationId")).isEqualTo(context.conversationId());
        }
    }

    @Then("the chat latency p95 is below {int} ms")
    public void chatLatencyP95Below(int thresholdMillis) {
        String conditions = latency.getTotalCount() + " chat requests, 1 user, one after another, through the balancer";
        EvidenceRecorder evidence = context.evidence();
        evidence.record("chat.smoke", Figure.of("chat latency p50 (smoke)", millis(latency.getValueAtPercentile(50)), "ms").when(conditions));
        evidence.record("chat.smoke", Figure.of("chat latency max (smoke)", millis(latency.getMaxValue()), "ms").when(conditions));
        evidence.require("chat.smoke", Figure.of("chat latency p95 (smoke)", millis(latency.getValueAtPercentile(95)), "ms")
                .lessThan(thresholdMillis).when(conditions));
    }

    private static double millis(long micros) {
        return Math.round(micros / 100.0) / 10.0;
    }
}
