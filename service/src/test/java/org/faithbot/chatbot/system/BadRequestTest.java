package org.faithbot.chatbot.system;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.jayway.jsonpath.JsonPath;
import org.faithbot.chatbot.retention.UserRetentionSweeper;
import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.Tables;
import org.faithbot.chatbot.support.TestTokens;
import org.faithbot.chatbot.system.dynamodb.ExpiredItemReaper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input of every kind, on every endpoint (oversized bodies, wrong types, injection strings,
 * unknown fields, missing or forged tokens, another user's ids), gets a 4xx with an RFC 9457 problem
 * body naming the reason, never a 5xx nor a stack trace, and writes nothing: every table is the same
 * after the request as before it.
 */
class BadRequestTest extends ApiTest {

    private static final String CHAT = "/api/v1/chat";

    private static final String USER = TestTokens.newUserId();

    private static final String VERSION = "2026-11-01";

    /** Data of another user (the owner) that the bad requests try to reach. */
    private static final Map<String, String> OWNER = new ConcurrentHashMap<>();

    @Autowired
    private UserRetentionSweeper sweeper;

    @Autowired
    private ExpiredItemReaper reaper;

    @BeforeEach
    void anotherUsersData() throws Exception {
        if (OWNER.isEmpty()) {
            String owner = TestTokens.user(TestTokens.newUserId());
            OWNER.put("conversation", JsonPath.read(chatAs(owner, "my own private words", null), "$.conversationId"));
            this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/conversations")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(owner)));
            String page = this.mvc.perform(request(HttpMethod.GET, "/api/v1/conversations?limit=1")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(owner))).andReturn().getResponse().getContentAsString();
            OWNER.put("cursor", JsonPath.read(page, "$.nextCursor"));
            String prayer = this.mvc.perform(request(HttpMethod.POST, "/api/v1/prayers")
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(owner))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"text\": \"my private prayer\", \"visibility\": \"PRIVATE\"}"))
                .andReturn().getResponse().getContentAsString();
            OWNER.put("prayer", JsonPath.read(prayer, "$.prayerId"));
        }
        await().until(() -> this.sweeper.running() == 0 && this.reaper.inFlight() == 0);
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                bad("malformed JSON", 400, "Malformed JSON", () -> chat("{\"message\": \"hi\"")),
                bad("not JSON at all", 400, "Malformed JSON", () -> chat("hello there")),
                bad("trailing garbage after the object", 400, "Malformed JSON", () -> chat("{\"message\": \"hi\"} x")),
                bad("a second object after the first", 400, "after the JSON object",
                        () -> chat("{\"message\": \"hi\"} {\"message\": \"again\"}")),
                bad("a JSON array instead of an object", 400, "JSON object", () -> chat("[\"hi\"]")),
                bad("a JSON string instead of an object", 400, "JSON object", () -> chat("\"hi\"")),
                bad("message is a number", 400, "'message' has the wrong type", () -> chat("{\"message\": 42}")),
                bad("message is a boolean", 400, "'message' has the wrong type", () -> chat("{\"message\": true}")),
                bad("message is an object", 400, "'message' has the wrong type", () -> chat("{\"message\": {\"text\": \"hi\"}}")),
                bad("message is an array", 400, "'message' has the wrong type", () -> chat("{\"message\": [\"hi\"]}")),
                bad("conversationId is not a UUID", 400, "'conversationId'", () -> chat("{\"message\": \"hi\", \"conversationId\": \"abc\"}")),
                bad("conversationId is a number", 400, "'conversationId'", () -> chat("{\"message\": \"hi\", \"conversationId\": 7}")),
                bad("unknown field", 400, "Unknown field 'mood'", () -> chat("{\"message\": \"hi\", \"mood\": \"sad\"}")),
                bad("missing message", 400, "message", () -> chat("{}")),
                bad("null message", 400, "message", () -> chat("{\"message\": null}")),
                bad("blank message", 400, "message", () -> chat("{\"message\": \"   \"}")),
                bad("message over 2000 characters", 400, "message", () -> chat("{\"message\": \"" + "a".repeat(2001) + "\"}")),
                bad("empty body", 400, "missing", () -> chat("")),
                bad("body over 16 KB", 413, "larger than the limit", () -> chat("{\"message\": \"" + "a".repeat(17_000) + "\"}")),
                bad("wrong content type", 415, "not supported", () -> chat("{\"message\": \"hi\"}").contentType(MediaType.TEXT_PLAIN)),
                bad("form content type", 415, "not supported", () -> chat("message=hi").contentType(MediaType.APPLICATION_FORM_URLENCODED)),
                bad("missing token", 401, "bearer token", () -> anonymous(HttpMethod.POST, CHAT, "{\"message\": \"hi\"}")),
                bad("token with a forged signature", 401, "Invalid bearer token", () -> withToken(TestTokens.forged(USER))),
                bad("token of another issuer", 401, "iss", () -> withToken(TestTokens.wrongIssuer(USER))),
                bad("token for another audience", 401, "aud", () -> withToken(TestTokens.wrongAudience(USER))),
                bad("token without an audience", 401, "aud", () -> withToken(TestTokens.withoutAudience(USER))),
                bad("expired token", 401, "expired", () -> withToken(TestTokens.expired(USER))),
                bad("unsigned token (alg none)", 401, "Invalid bearer token", () -> withToken(TestTokens.unsigned(USER))),
                bad("token without a subject", 401, "sub", () -> withToken(TestTokens.withoutSubject())),
                bad("malformed token", 401, "Invalid bearer token", () -> withToken("not-a-jwt")),
                bad("basic instead of bearer credentials", 401, "bearer token",
                        () -> anonymous(HttpMethod.POST, CHAT, "{\"message\": \"hi\"}").header(HttpHeaders.AUTHORIZATION, "Basic dXNlcjpwYXNz")),
                bad("export without a token", 401, "bearer token", () -> anonymous(HttpMethod.GET, "/api/v1/me/export", null)),
                bad("erasure without a token", 401, "bearer token", () -> anonymous(HttpMethod.DELETE, "/api/v1/me", null)),
                bad("operator endpoint without a token", 401, "bearer token",
                        () -> anonymous(HttpMethod.POST, "/actuator/availability", "{\"readiness\": \"REFUSING_TRAFFIC\"}")),
                bad("operator endpoint without the operator scope", 403, "operator",
                        () -> authenticated(HttpMethod.POST, "/actuator/availability", TestTokens.user(USER),
                                "{\"readiness\": \"REFUSING_TRAFFIC\"}")),
                bad("endpoint mappings without the operator scope", 403, "operator",
                        () -> authenticated(HttpMethod.GET, "/actuator/mappings", TestTokens.user(USER), null)),
                bad("operator endpoint with an unknown readiness", 400, "",
                        () -> authenticated(HttpMethod.POST, "/actuator/availability", TestTokens.operator(USER),
                                "{\"readiness\": \"SLEEPING\"}")),
                bad("operator endpoint without the readiness", 400, "",
                        () -> authenticated(HttpMethod.POST, "/actuator/availability", TestTokens.operator(USER), "{}")),
                bad("GET on the chat endpoint", 405, "not supported", () -> authenticated(HttpMethod.GET, CHAT, TestTokens.user(USER), null)),
                bad("PUT on the export endpoint", 405, "not supported",
                        () -> authenticated(HttpMethod.PUT, "/api/v1/me/export", TestTokens.user(USER), "{}")),
                bad("unknown path", 404, "", () -> authenticated(HttpMethod.GET, "/api/v1/nothing-here", TestTokens.user(USER), null)),
                bad("actuator endpoint that is not exposed", 404, "",
                        () -> authenticated(HttpMethod.GET, "/actuator/env", TestTokens.operator(USER), null)),
                bad("token without the chat scope", 403, "chat scope",
                        () -> authenticated(HttpMethod.POST, CHAT, TestTokens.withScopes(USER, ""), "{\"message\": \"hi\"}")),
                bad("chat with an Idempotency-Key holding spaces and quotes", 400, "Idempotency-Key",
                        () -> chat("{\"message\": \"hi\"}").header("Idempotency-Key", "key' OR '1'='1")),
                bad("NoSQL operator object as the message", 400, "'message' has the wrong type",
                        () -> chat("{\"message\": {\"$ne\": null}}")),
                bad("prototype pollution field", 400, "Unknown field '__proto__'",
                        () -> chat("{\"message\": \"hi\", \"__proto__\": {\"admin\": true}}")),
                bad("a file path as a conversation id", 400, "'conversationId' must be a UUID",
                        () -> asUser(HttpMethod.GET, "/api/v1/conversations/etc-passwd/messages", null)),
                // conversations
                bad("conversation title over 120 characters", 400, "title",
                        () -> asUser(HttpMethod.POST, "/api/v1/conversations", "{\"title\": \"" + "t".repeat(121) + "\"}")),
                bad("conversation title with control characters", 400, "control characters",
                        () -> asUser(HttpMethod.POST, "/api/v1/conversations", "{\"title\": \"a\\u0000b\"}")),
                bad("conversation title is a number", 400, "'title' has the wrong type",
                        () -> asUser(HttpMethod.POST, "/api/v1/conversations", "{\"title\": 12}")),
                bad("unknown field on a new conversation", 400, "Unknown field 'owner'",
                        () -> asUser(HttpMethod.POST, "/api/v1/conversations", "{\"owner\": \"someone\"}")),
                bad("list limit of zero", 400, "limit", () -> asUser(HttpMethod.GET, "/api/v1/conversations?limit=0", null)),
                bad("list limit over 100", 400, "limit", () -> asUser(HttpMethod.GET, "/api/v1/conversations?limit=101", null)),
                bad("list limit is SQL", 400, "'limit' must be a number",
                        () -> asUser(HttpMethod.GET, "/api/v1/conversations?limit=1;DROP%20TABLE%20users", null)),
                bad("forged cursor", 400, "cursor is invalid",
                        () -> asUser(HttpMethod.GET, "/api/v1/conversations?cursor=eyJ1c2VySWQiOiJhZG1pbiJ9", null)),
                bad("another user's cursor", 400, "cursor is invalid",
                        () -> asUser(HttpMethod.GET, "/api/v1/conversations?cursor=" + OWNER.get("cursor"), null)),
                bad("another user's conversation", 404, "No conversation with this id",
                        () -> asUser(HttpMethod.GET, "/api/v1/conversations/" + OWNER.get("conversation") + "/messages", null)),
                bad("conversation id that is not a UUID", 400, "'conversationId' must be a UUID",
                        () -> asUser(HttpMethod.GET, "/api/v1/conversations/abc' OR '1'='1/messages", null)),
                bad("conversations without a token", 401, "bearer token", () -> anonymous(HttpMethod.GET, "/api/v1/conversations", null)),
                // prayers
                bad("prayer without an Idempotency-Key", 400, "Idempotency-Key",
                        () -> asUser(HttpMethod.POST, "/api/v1/prayers", "{\"text\": \"hi\", \"visibility\": \"PRIVATE\"}")),
                bad("prayer with a script in its Idempotency-Key", 400, "Idempotency-Key",
                        () -> asUser(HttpMethod.POST, "/api/v1/prayers", "{\"text\": \"hi\", \"visibility\": \"PRIVATE\"}")
                            .header("Idempotency-Key", "<script>alert(1)</script>")),
                bad("prayer with an unknown visibility", 400, "'visibility' has an invalid value",
                        () -> prayer("{\"text\": \"hi\", \"visibility\": \"PUBLIC\"}")),
                bad("prayer visibility is a number", 400, "'visibility'", () -> prayer("{\"text\": \"hi\", \"visibility\": 1}")),
                bad("prayer without text", 400, "text", () -> prayer("{\"visibility\": \"PRIVATE\"}")),
                bad("prayer text over 2000 characters", 400, "text",
                        () -> prayer("{\"text\": \"" + "p".repeat(2001) + "\", \"visibility\": \"PRIVATE\"}")),
                bad("prayer body over 16 KB", 413, "larger than the limit",
                        () -> prayer("{\"text\": \"" + "p".repeat(17_000) + "\", \"visibility\": \"PRIVATE\"}")),
                bad("prayer with an unknown field", 400, "Unknown field 'userId'",
                        () -> prayer("{\"text\": \"hi\", \"visibility\": \"PRIVATE\", \"userId\": \"someone-else\"}")),
                bad("report of another user's private prayer", 404, "No prayer with this id",
                        () -> asUser(HttpMethod.POST, "/api/v1/prayers/" + OWNER.get("prayer") + "/flags", "{\"reason\": \"x\"}")),
                bad("report with a reason over 500 characters", 400, "reason",
                        () -> asUser(HttpMethod.POST, "/api/v1/prayers/" + OWNER.get("prayer") + "/flags",
                                "{\"reason\": \"" + "r".repeat(501) + "\"}")),
                bad("report of a prayer id that is not a UUID", 400, "'prayerId' must be a UUID",
                        () -> asUser(HttpMethod.POST, "/api/v1/prayers/1 OR 1=1/flags", "{\"reason\": \"x\"}")),
                // prayer team, moderation, support
                bad("prayer queue without the prayer-team scope", 403, "prayer-team scope",
                        () -> asUser(HttpMethod.GET, "/api/v1/prayer-team/queue", null)),
                bad("claim without the prayer-team scope", 403, "prayer-team scope",
                        () -> asUser(HttpMethod.POST, "/api/v1/prayer-team/prayers/" + OWNER.get("prayer") + "/claim", null)),
                bad("response to a prayer one did not claim", 409, "claim it first",
                        () -> authenticated(HttpMethod.POST, "/api/v1/prayer-team/prayers/" + OWNER.get("prayer") + "/responses",
                                TestTokens.withScopes(USER, "prayer-team"), "{\"text\": \"praying\"}")),
                bad("claim of a prayer that does not exist", 404, "No prayer with this id",
                        () -> authenticated(HttpMethod.POST, "/api/v1/prayer-team/prayers/" + UUID.randomUUID() + "/claim",
                                TestTokens.withScopes(USER, "prayer-team"), null)),
                bad("hide without the moderator scope", 403, "moderator scope",
                        () -> asUser(HttpMethod.POST, "/api/v1/moderation/prayers/" + OWNER.get("prayer") + "/hide", null)),
                bad("moderation reports with a forged token", 401, "Invalid bearer token",
                        () -> authenticated(HttpMethod.GET, "/api/v1/moderation/reports", TestTokens.forged(USER), null)),
                bad("escalations without the support scope", 403, "support or operator scope",
                        () -> asUser(HttpMethod.GET, "/api/v1/support/escalations", null)),
                bad("escalations of an unknown status", 400, "status",
                        () -> authenticated(HttpMethod.GET, "/api/v1/support/escalations?status=CLOSED",
                                TestTokens.withScopes(USER, "support"), null)),
                bad("acknowledging an escalation that does not exist", 404, "No escalation with this id",
                        () -> authenticated(HttpMethod.POST, "/api/v1/support/escalations/" + UUID.randomUUID() + "/acknowledge",
                                TestTokens.withScopes(USER, "support"), null)),
                // accounts and privacy
                bad("registration without consents", 400, "consents", () -> asUser(HttpMethod.POST, "/api/v1/accounts", "{}")),
                bad("registration without the privacy policy consent", 400, "privacy-policy",
                        () -> asUser(HttpMethod.POST, "/api/v1/accounts", "{\"consents\": [" + consent("terms-of-service", "true") + "]}")),
                bad("consent to an old version", 400, "current version",
                        () -> asUser(HttpMethod.POST, "/api/v1/accounts", "{\"consents\": [{\"purpose\": \"terms-of-service\", "
                                + "\"version\": \"1999-01-01\", \"granted\": true}]}")),
                bad("consent to an unknown purpose", 400, "Unknown consent purpose",
                        () -> asUser(HttpMethod.POST, "/api/v1/accounts", "{\"consents\": [" + consent("selling-data", "true") + "]}")),
                bad("consent purpose with an injection string", 400, "purpose",
                        () -> asUser(HttpMethod.POST, "/api/v1/accounts", "{\"consents\": [" + consent("$where: 1", "true") + "]}")),
                bad("consent granted as a string", 400, "granted",
                        () -> asUser(HttpMethod.POST, "/api/v1/accounts", "{\"consents\": [" + consent("analytics", "\"yes\"") + "]}")),
                bad("the same purpose twice", 400, "listed twice",
                        () -> asUser(HttpMethod.POST, "/api/v1/accounts", "{\"consents\": [" + consent("terms-of-service", "true")
                                + ", " + consent("terms-of-service", "true") + ", " + consent("privacy-policy", "true") + "]}")),
                bad("more than ten consents", 400, "consents",
                        () -> asUser(HttpMethod.POST, "/api/v1/accounts", "{\"consents\": ["
                                + String.join(", ", java.util.Collections.nCopies(11, consent("analytics", "true"))) + "]}")),
                bad("consent change without an account", 404, "register first",
                        () -> asUser(HttpMethod.PUT, "/api/v1/me/consents", "{\"consents\": [" + consent("analytics", "true") + "]}")),
                bad("opt-out as a string", 400, "optOut",
                        () -> asUser(HttpMethod.PUT, "/api/v1/me/privacy/sale-sharing-opt-out", "{\"optOut\": \"yes\"}")),
                bad("opt-out without a value", 400, "optOut",
                        () -> asUser(HttpMethod.PUT, "/api/v1/me/privacy/sale-sharing-opt-out", "{}")),
                bad("opt-out of another user", 400, "Unknown field 'userId'",
                        () -> asUser(HttpMethod.PUT, "/api/v1/me/privacy/sale-sharing-opt-out",
                                "{\"optOut\": true, \"userId\": \"someone-else\"}")),
                bad("audit trail limit over 200", 400, "limit", () -> asUser(HttpMethod.GET, "/api/v1/me/privacy/audit?limit=500", null)),
                // public resources
                bad("verses of a topic with an injection string", 400, "topic",
                        () -> anonymous(HttpMethod.GET, "/api/v1/verses?topic=anxiety'%20OR%20'1'='1", null)),
                bad("verses of an unknown topic", 404, "No such topic", () -> anonymous(HttpMethod.GET, "/api/v1/verses?topic=weather", null)),
                bad("an unknown document", 404, "No such document",
                        () -> anonymous(HttpMethod.GET, "/api/v1/documents/internal-secrets", null)),
                bad("an asset that does not exist", 404, "No such asset",
                        () -> anonymous(HttpMethod.GET, "/assets/app.0000000000.js", null)),
                bad("writing to the verse library", 401, "bearer token",
                        () -> anonymous(HttpMethod.POST, "/api/v1/verses", "{\"topic\": \"x\"}")));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badRequests")
    void isRefusedWithAProblem(String name, int expectedStatus, String reason,
            Supplier<MockHttpServletRequestBuilder> request) throws Exception {
        Map<String, List<String>> before = Tables.snapshot();
        MvcResult result = this.mvc.perform(request.get())
            .andExpect(status().is(expectedStatus))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(header().string("X-Served-By", "test-instance"))
            .andExpect(jsonPath("$.status").value(expectedStatus))
            .andExpect(jsonPath("$.title").isNotEmpty())
            .andExpect(jsonPath("$.detail").isNotEmpty())
            .andExpect(jsonPath("$.detail").value(containsStringIgnoringCase(reason)))
            .andReturn();
        String body = result.getResponse().getContentAsString();
        assertThat(body).doesNotContain("Exception", "\tat ", "trace", "my own private words", "my private prayer");
        assertThat(Tables.snapshot()).as("every table after the request").isEqualTo(before);
        if (expectedStatus == 401) {
            assertThat(result.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Bearer");
        }
    }

    @org.junit.jupiter.api.Test
    void validationProblemsListTheFieldErrors() throws Exception {
        this.mvc.perform(chat("{\"message\": \"\"}"))
            .andExpect(status().isBadRequest())
            .andExpect(jsonPath("$.detail").value(startsWith("Validation failed")))
            .andExpect(jsonPath("$.errors[0].field").value("message"))
            .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @org.junit.jupiter.api.Test
    void theTableCoversAtLeastThirtyBadInputsAcrossTheEndpoints() {
        assertThat(badRequests().count()).isGreaterThanOrEqualTo(30);
    }

    private static Arguments bad(String name, int status, String reason,
            Supplier<MockHttpServletRequestBuilder> request) {
        return Arguments.of(name, status, reason, request);
    }

    private static MockHttpServletRequestBuilder chat(String body) {
        return authenticated(HttpMethod.POST, CHAT, TestTokens.user(USER), body).contentType(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder asUser(HttpMethod method, String path, String body) {
        return authenticated(method, path, TestTokens.user(USER), body);
    }

    private static MockHttpServletRequestBuilder prayer(String body) {
        return asUser(HttpMethod.POST, "/api/v1/prayers", body).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private static String consent(String purpose, String granted) {
        return "{\"purpose\": \"" + purpose + "\", \"version\": \"" + VERSION + "\", \"granted\": " + granted + "}";
    }

    private static MockHttpServletRequestBuilder withToken(String token) {
        return authenticated(HttpMethod.POST, CHAT, token, "{\"message\": \"hi\"}").contentType(MediaType.APPLICATION_JSON);
    }

    private static MockHttpServletRequestBuilder authenticated(HttpMethod method, String path, String token, String body) {
        return anonymous(method, path, body).header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
    }

    private static MockHttpServletRequestBuilder anonymous(HttpMethod method, String path, String body) {
        MockHttpServletRequestBuilder request = request(method, path);
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request;
    }
}
