package org.faithbot.verification.steps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.qameta.allure.Allure;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.http.ServiceClient;
import org.faithbot.verification.privacy.PersonalDataSweep;
import org.faithbot.verification.privacy.Trace;
import org.faithbot.verification.security.AccessMatrix;
import org.faithbot.verification.security.AccessMatrixRun;
import org.faithbot.verification.security.ForgedTokens;
import org.faithbot.verification.security.SeededMember;
import org.faithbot.verification.security.ServiceEndpoints;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Steps of the OWASP Top 10 spec: the access matrix (A01, and the service's own roles for SC-SEC-2) sent as every
 * role with every kind of id, and the flawed tokens of A07.
 */
public class OwaspSteps {

    private static final String MATRIX = "security.owasp-access-matrix";
    private static final String AUTHENTICATION = "security.owasp-authentication";
    private static final Pattern KEY_VALUE = Pattern.compile("=([^,}]+)");

    private final ScenarioContext context;
    private SeededMember memberA;
    private SeededMember memberB;
    private AccessMatrix matrix;
    private List<String> endpoints;
    private List<AccessMatrixRun.Call> calls;
    private Set<String> idsOfBInTheStore;
    private long tracesOfBBefore;
    private List<String> itemsOfBBefore;
    private SeededMember member;
    private List<String> flawedRefusals;
    private List<String> flawedTokenAnswers;

    public OwaspSteps(ScenarioContext context) {
        this.context = context;
    }

    @Given("two members, each with conversations, a prayer and a crisis escalation that carry a marker of their own")
    public void twoMembers() {
        TokenIssuer tokens = context.target().tokens();
        memberA = SeededMember.seed(context.target().baseUrl(), tokens, "Alice", 1, "COMMUNITY");
        memberB = SeededMember.seed(context.target().baseUrl(), tokens, "Bob", 2, "PRIVATE");
        assertThat(memberB.conversationsCursor()).as("a cursor of Bob's conversation listing (he has two)").isNotNull();
        List<Trace> traces = sweep(Set.of(memberB.user().id(), memberB.marker()));
        itemsOfBBefore = itemsHolding(traces, memberB.marker());
        tracesOfBBefore = itemsOfBBefore.size();
        assertThat(tracesOfBBefore).as("items of Bob holding his marker in the data store").isPositive();
        idsOfBInTheStore = new LinkedHashSet<>(memberB.own());
        for (Trace trace : traces) {
            Matcher value = KEY_VALUE.matcher(trace.itemKey());
            while (value.find()) {
                if (value.group(1).length() >= 8) {
                    idsOfBInTheStore.add(value.group(1).strip());
                }
            }
        }
    }

    @Given("the access matrix covers every endpoint the service lists to an operator")
    public void matrixCoversEveryEndpoint() {
        matrix = AccessMatrix.load();
        endpoints = ServiceEndpoints.of(context.target().baseUrl(), context.target().tokens().operatorToken());
        List<String> uncovered = endpoints.stream().filter(e -> !matrix.covers(e)).toList();
        List<String> stale = matrix.rows().stream().map(AccessMatrix.Row::endpoint).filter(e -> !endpoints.contains(e)).distinct().toList();
        Allure.addAttachment("the service's endpoints (/actuator/mappings)", "text/plain", String.join("\n", endpoints));
        context.evidence().require(MATRIX,
                Figure.of("endpoints of the service the access matrix does not cover " + uncovered, uncovered.size(), "endpoints").equalTo(0)
                        .when(endpoints.size() + " endpoints listed by the service's /actuator/mappings; " + matrix.excluded().size()
                                + " patterns left out on purpose: " + matrix.excluded().keySet()),
                Figure.of("rows of the access matrix for endpoints the service does not have " + stale, stale.size(), "rows").equalTo(0)
                        .when(matrix.rows().size() + " rows in " + AccessMatrix.RESOURCE));
    }

    @When("every endpoint of the matrix is called as every role with every kind of id")
    public void callEveryEndpoint() {
        TokenIssuer tokens = context.target().tokens();
        Map<String, String> roleTokens = new LinkedHashMap<>();
        roleTokens.put("member", memberA.token());
        for (String role : List.of("prayer-team", "moderator", "support", "operator")) {
            roleTokens.put(role, tokens.tokenFor(TestUser.fresh(role.replace("-", "")), role));
        }
        Map<String, Map<String, String>> ids = Map.of(
                "own", Map.of("conversationId", memberA.conversationIds().getFirst(), "prayerId", memberA.prayerId(),
                        "escalationId", memberA.escalationId()),
                "other", Map.of("conversationId", memberB.conversationIds().getFirst(), "prayerId", memberB.prayerId(),
                        "escalationId", memberB.escalationId()),
                "unknown", Map.of("conversationId", UUID.randomUUID().toString(), "prayerId", UUID.randomUUID().toString(),
                        "escalationId", UUID.randomUUID().toString()));
        Set<String> everyMembersData = new HashSet<>(memberA.own());
        everyMembersData.addAll(idsOfBInTheStore);
        Map<String, Set<String>> unseen = Map.of("anonymous", everyMembersData, "member", idsOfBInTheStore);
        AccessMatrixRun run = new AccessMatrixRun(context.target().baseUrl(), roleTokens, ids, memberB.conversationsCursor(),
                Map.of("consents", consentsOf(memberA)), unseen, everyMembersData);
        calls = run.send(matrix);
        Allure.addAttachment("access matrix: every call", "text/plain", String.join("\n", calls.stream().map(Object::toString).toList()));
    }

    @Then("every call got the status the matrix expects for its role and kind of id")
    public void everyStatusAsExpected() {
        List<AccessMatrixRun.Call> mismatches = calls.stream().filter(c -> !c.asExpected()).toList();
        long rowKinds = matrix.rows().stream().mapToLong(r -> r.expect().size()).sum();
        String conditions = matrix.rows().size() + " endpoints x " + matrix.roles().size() + " roles " + matrix.roles() + ", "
                + rowKinds + " (endpoint, kind of id) pairs: " + calls.size() + " calls through the balancer; the table: "
                + AccessMatrix.RESOURCE;
        context.evidence().record(MATRIX, Figure.of("access matrix size (endpoints x roles x kinds of id, as sent)", calls.size(), "calls")
                .when(conditions));
        context.evidence().require(MATRIX, Figure.of("calls of the access matrix answered otherwise than expected", mismatches.size(), "calls")
                .equalTo(0).when(conditions + (mismatches.isEmpty() ? "" : "\n" + String.join("\n", mismatches.stream().map(Object::toString).toList()))));
    }

    @Then("no answer to a member or to an anonymous caller holds another member's markers or ids, as the data store holds them")
    public void noOtherMembersData() {
        List<AccessMatrixRun.Call> leaks = calls.stream().filter(c -> !c.leaked().isEmpty()).toList();
        context.evidence().require(MATRIX, Figure.of("answers of the access matrix holding data the caller may not see", leaks.size(), "answers")
                .equalTo(0).when(calls.size() + " answers read for Bob's marker, user id and the " + idsOfBInTheStore.size()
                        + " ids of his items in the data store (and, for anonymous callers and refusals, Alice's too)"
                        + (leaks.isEmpty() ? "" : "\n" + String.join("\n", leaks.stream().map(Object::toString).toList()))));
    }

    @Then("the other member's data is still in the data store")
    public void otherMembersDataKept() {
        List<String> after = itemsHolding(sweep(Set.of(memberB.marker())), memberB.marker());
        List<String> gone = itemsOfBBefore.stream().filter(t -> !after.contains(t)).toList();
        List<String> changed = after.stream().filter(t -> !itemsOfBBefore.contains(t)).toList();
        assertThat(after.size()).as("Bob's items of the tables holding his marker after the matrix (Alice's erasure included); gone: %s; new or changed: %s",
                gone, changed).isEqualTo(tracesOfBBefore);
    }

    @Given("a member with a conversation that carries a marker of their own")
    public void aMember() {
        member = SeededMember.seed(context.target().baseUrl(), context.target().tokens(), "Carol", 1, "PRIVATE");
    }

    @When("the member's export is asked for with each flawed token")
    public void askWithFlawedTokens() {
        flawedRefusals = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (ForgedTokens.Forged forged : ForgedTokens.of(context.target().tokens(), member.user())) {
            ServiceClient.Reply reply = ServiceClient.send("GET", context.target().baseUrl() + ServiceClient.EXPORT, forged.token(), null,
                    "application/json", Duration.ofSeconds(10));
            String detail = problemDetail(reply);
            boolean refused = reply.status() == forged.expected() && !detail.isBlank()
                    && (reply.status() != 401 || reply.header("WWW-Authenticate").orElse("").startsWith("Bearer"))
                    && !reply.body().contains(member.marker());
            lines.add((refused ? "refused  " : "WRONG    ") + forged.flaw() + " -> " + reply.status() + " (expected " + forged.expected() + "): " + detail);
            if (!refused) {
                flawedRefusals.add(forged.flaw() + " -> " + reply.status() + " " + reply.body());
            }
        }
        Allure.addAttachment("flawed tokens and the service's answers", "text/plain", String.join("\n", lines));
        flawedTokenAnswers = lines;
    }

    @Then("each flawed token is refused with its status and a problem saying why, without the member's data")
    public void eachFlawedTokenRefused() {
        List<String> lines = flawedTokenAnswers;
        context.evidence().require(AUTHENTICATION, Figure.of("flawed tokens not refused with their status, a problem saying why "
                + "(and WWW-Authenticate: Bearer on a 401), without the member's data", flawedRefusals.size(), "tokens").equalTo(0)
                .when(lines.size() + " flawed tokens on GET " + ServiceClient.EXPORT + " through the balancer:\n" + String.join("\n", lines)));
    }

    @Then("the erased member's token, replayed, reads nothing of the erased data, in the answers and in the data store")
    public void replayAfterErasure() {
        String baseUrl = context.target().baseUrl();
        SeededMember.call(baseUrl, member.token(), "DELETE", "/api/v1/me", null, 200);
        JsonNode conversations = SeededMember.call(baseUrl, member.token(), "GET", "/api/v1/conversations", null, 200);
        JsonNode mine = SeededMember.call(baseUrl, member.token(), "GET", "/api/v1/prayers/mine", null, 200);
        ServiceClient.Reply export = ServiceClient.send("GET", baseUrl + ServiceClient.EXPORT, member.token(), null, "application/json",
                Duration.ofSeconds(10));
        Set<String> erased = new LinkedHashSet<>(member.own());
        erased.remove(member.user().id());
        List<String> shown = new ArrayList<>();
        for (String text : erased) {
            if (conversations.toString().contains(text) || mine.toString().contains(text) || export.body().contains(text)) {
                shown.add(text);
            }
        }
        List<Trace> inStore = sweep(Set.of(member.marker()));
        context.evidence().require(AUTHENTICATION,
                Figure.of("erased data the replayed token read back", shown.size(), "items").equalTo(0)
                        .when("after DELETE /api/v1/me, the same token on GET /api/v1/conversations, /api/v1/prayers/mine and "
                                + ServiceClient.EXPORT + " (export " + export.status() + ")" + (shown.isEmpty() ? "" : ": " + shown)),
                Figure.of("items of the data store still holding the erased member's marker", inStore.size(), "items").equalTo(0)
                        .when("every table and index swept after the replay" + (inStore.isEmpty() ? "" : ": " + inStore)));
    }

    /**
     * The items of the tables (not of their indexes) holding the text: an index's projection may rightly change with
     * what the matrix does (the prayer team claiming Bob's prayer takes it off the team's queue index).
     */
    private static List<String> itemsHolding(List<Trace> traces, String text) {
        return traces.stream().filter(t -> t.matched().contains(text) && !t.table().contains("/")).map(Trace::toString).toList();
    }

    private List<Trace> sweep(Set<String> fragments) {
        return new PersonalDataSweep(context.target().dynamoDb(), context.target().tablePrefix()).sweep(fragments).traces();
    }

    /** The consents of a registration: every purpose the service lists, at its current version, the required ones granted. */
    private String consentsOf(SeededMember member) {
        JsonNode purposes = SeededMember.call(context.target().baseUrl(), member.token(), "GET", "/api/v1/me/consents", null, 200)
                .path("purposes");
        List<String> decisions = new ArrayList<>();
        for (JsonNode purpose : purposes) {
            decisions.add("{\"purpose\": \"" + purpose.path("purpose").asText() + "\", \"version\": \"" + purpose.path("currentVersion").asText()
                    + "\", \"granted\": " + purpose.path("required").asBoolean() + "}");
        }
        return "[" + String.join(", ", decisions) + "]";
    }

    private static String problemDetail(ServiceClient.Reply reply) {
        try {
            return new ObjectMapper().readTree(reply.body()).path("detail").asText("");
        } catch (IOException | RuntimeException notJson) {
            return "";
        }
    }
}
