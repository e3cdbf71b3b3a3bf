package org.faithbot.verification.steps;

import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.http.ServiceClient;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.security.IdempotentRetries;
import org.faithbot.verification.security.RateLimitFlood;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of OWASP A04 (insecure design): the per-member rate limit under one member's flood, with another member
 * served beside it; and a chat message retried many times at once under one Idempotency-Key.
 */
public class AbuseSteps {

    private static final String ABUSE = "security.owasp-abuse";
    private static final int COPIES = 10;

    private final ScenarioContext context;
    private RateLimitFlood flood;
    private List<ServiceClient.ChatAnswer> bystander;
    private String member;
    private String message;
    private String key;
    private List<IdempotentRetries.Answer> retries;

    public AbuseSteps(ScenarioContext context) {
        this.context = context;
    }

    @When("one member sends {int} requests as fast as {int} connections carry them while another member chats")
    public void flood(int requests, int connections) {
        String baseUrl = context.target().baseUrl();
        String flooder = context.target().tokens().tokenFor(TestUser.fresh("flooder"));
        String other = context.target().tokens().tokenFor(TestUser.fresh("bystander"));
        CompletableFuture<RateLimitFlood> running = CompletableFuture.supplyAsync(() -> RateLimitFlood.send(baseUrl, flooder, requests, connections));
        bystander = new ArrayList<>();
        while (!running.isDone() || bystander.size() < 5) {
            bystander.add(ServiceClient.chat(baseUrl, other, "I am grateful for my friends today", null));
        }
        flood = running.join();
        Allure.addAttachment("the flood", "text/plain", flood.describe() + "\nrefusals lacking: " + flood.refusalsLacking()
                + "\nthe other member's chats: " + bystander.stream().map(ServiceClient.ChatAnswer::status).toList(), ".txt");
    }

    @Then("the flood was cut to the limit by 429 problems that say when to retry, and the other member got every answer")
    public void floodCut() {
        int instances = LocalTarget.of(context.target()).instances().size();
        double allowed = flood.allowedThrough(instances);
        String conditions = flood.describe() + "; " + instances + " instances behind the balancer";
        long otherServed = bystander.stream().filter(ServiceClient.ChatAnswer::acknowledged).count();
        context.evidence().require(ABUSE,
                Figure.of("flood requests let through by the rate limit", flood.answered(200), "requests").atMost(Math.floor(allowed))
                        .when(conditions + "; at most a minute's burst and the refill per instance"),
                Figure.of("flood requests refused with 429", flood.refused(), "requests").greaterThan(0).when(conditions),
                Figure.of("429 refusals without a problem, a Retry-After or the RateLimit headers", flood.refusalsLacking().size(), "refusals")
                        .equalTo(0).when(conditions + (flood.refusalsLacking().isEmpty() ? "" : "\n" + flood.refusalsLacking().stream().distinct().toList())),
                Figure.of("flood requests answered otherwise (5xx, another status, or not at all)", flood.other(), "requests").equalTo(0)
                        .when(conditions),
                Figure.of("the other member's chats answered during the flood", otherServed, "chats").equalTo(bystander.size())
                        .when(bystander.size() + " chats sent one after the other while the flood ran: statuses "
                                + bystander.stream().map(ServiceClient.ChatAnswer::status).toList()));
    }

    @Given("a member who has not chatted yet")
    public void aNewMember() {
        member = context.target().tokens().tokenFor(TestUser.fresh("retrier"));
        message = "Please remember me in prayer, retry " + UUID.randomUUID().toString().substring(0, 8);
        key = UUID.randomUUID().toString();
    }

    @When("one chat message is sent {int} times at once under one Idempotency-Key")
    public void retriedAtOnce(int copies) {
        retries = IdempotentRetries.sendAtOnce(context.target().baseUrl(), member, key, message, copies);
        Allure.addAttachment("the retries", "text/plain", String.join("\n", retries.stream().map(Object::toString).toList()), ".txt");
    }

    @Then("exactly one turn was written, and every answer is that turn or a 409 asking to retry")
    public void oneTurn() {
        int written = IdempotentRetries.messagesHolding(context.target().baseUrl(), member, message);
        List<String> conversations = retries.stream().filter(a -> a.status() == 200).map(IdempotentRetries.Answer::conversationId).distinct().toList();
        long otherwise = retries.stream().filter(a -> a.status() != 200 && a.status() != 409).count();
        String conditions = retries.size() + " identical POST /api/v1/chat at once under Idempotency-Key " + key + "; statuses "
                + retries.stream().map(IdempotentRetries.Answer::status).toList();
        context.evidence().require(ABUSE,
                Figure.of("messages of the member holding the retried text", written, "messages").equalTo(1).when(conditions),
                Figure.of("conversations the 200 answers name", conversations.size(), "conversations").equalTo(1).when(conditions),
                Figure.of("retries answered other than 200 (the turn) or 409 (still being answered)", otherwise, "answers").equalTo(0)
                        .when(conditions));
    }

    @Then("the same Idempotency-Key with another message is refused with 422")
    public void reusedKeyRefused() {
        IdempotentRetries.Answer reused = IdempotentRetries.send(context.target().baseUrl(), member, key, message + " and more");
        int written = IdempotentRetries.messagesHolding(context.target().baseUrl(), member, message + " and more");
        assertThat(reused.status()).as("the reused key's answer: %s", reused).isEqualTo(422);
        assertThat(written).as("messages holding the other message sent under the reused key").isZero();
    }
}
