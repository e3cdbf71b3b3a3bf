package org.faithbot.verification.steps;

import io.cucumber.java.After;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.security.ApiDescription;
import org.faithbot.verification.security.SeededMember;
import org.faithbot.verification.security.SsrfCanary;
import org.faithbot.verification.security.SsrfProbe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Steps of OWASP A10 (server-side request forgery): a loopback canary whose URLs go into every text, URL-like query
 * parameter and proxy header of every operation of the service's description, as every role; the canary must see no
 * connection and no answer may redirect to it.
 */
public class SsrfSteps {

    private static final String SSRF = "security.owasp-ssrf";
    /** How long the canary keeps listening after the last request: what a background fetch (a queue, a retry) would need. */
    private static final long GRACE_MILLIS = 5_000;

    private final ScenarioContext context;
    private SsrfCanary canary;
    private SeededMember member;
    private SsrfProbe.Outcome outcome;
    private long seed;

    public SsrfSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("a listener on loopback that records every connection made to it")
    public void aCanary() {
        canary = SsrfCanary.open();
    }

    @Given("a member with a conversation, a prayer and an escalation of their own")
    public void aMember() {
        member = SeededMember.seed(context.target().baseUrl(), context.target().tokens(), "Dana", 1, "COMMUNITY");
    }

    @When("every operation of the service's description is sent as every role with the listener's URLs in every text, URL parameter and proxy header")
    public void sendEverything() {
        TokenIssuer tokens = context.target().tokens();
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put("anonymous", "");
        roles.put("member", member.token());
        for (String role : List.of("prayer-team", "moderator", "support", "operator")) {
            roles.put(role, tokens.tokenFor(TestUser.fresh(role.replace("-", "")), role));
        }
        Map<String, String> ids = Map.of("conversationId", member.conversationIds().getFirst(), "prayerId", member.prayerId(),
                "escalationId", member.escalationId(), "id", member.prayerId());
        seed = ThreadLocalRandom.current().nextLong();
        ApiDescription description = ApiDescription.fetch(context.target().baseUrl());
        outcome = SsrfProbe.run(context.target().baseUrl(), description, roles, ids, canary, seed);
        try {
            Thread.sleep(GRACE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the canary listened", e);
        }
        Allure.addAttachment("SSRF probe", "text/plain", outcome.describe() + "\nserver errors: " + outcome.serverErrors()
                + "\nunanswered: " + outcome.unanswered() + "\nredirects to the canary: " + outcome.redirectsToCanary()
                + "\ncanary hits: " + canary.hits(), ".txt");
    }

    @Then("no request got a server error or went unanswered, and none was redirected to the listener")
    public void noErrorNoRedirect() {
        String conditions = outcome.describe() + "; through the balancer; seed " + seed + "; canary " + canary.url("...");
        context.evidence().record(SSRF, Figure.of("requests carrying caller-chosen URLs", outcome.sent(), "requests").when(conditions));
        context.evidence().require(SSRF,
                Figure.of("of them answered 5xx or not at all", outcome.serverErrors().size() + outcome.unanswered().size(), "requests")
                        .equalTo(0).when(conditions + details(outcome.serverErrors()) + details(outcome.unanswered())),
                Figure.of("answers redirecting to a caller-chosen URL", outcome.redirectsToCanary().size(), "answers").equalTo(0)
                        .when(conditions + details(outcome.redirectsToCanary())));
    }

    @Then("the listener saw no connection, 5 seconds after the last request")
    public void noConnection() {
        List<String> hits = canary.hits();
        context.evidence().require(SSRF, Figure.of("connections to the caller-chosen URLs (the service fetched one)", hits.size(), "connections")
                .equalTo(0).when("canary " + canary.authority() + " listened from before the first request until " + GRACE_MILLIS / 1000
                        + " s after the last" + details(hits)));
    }

    @After("@owasp")
    public void closeCanary() {
        if (canary != null) {
            canary.close();
        }
    }

    private static String details(List<String> lines) {
        return lines.isEmpty() ? "" : "\n" + String.join("\n", lines.stream().limit(50).toList());
    }
}
