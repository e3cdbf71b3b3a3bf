package org.faithbot.chatbot.system;

import java.util.function.Supplier;
import java.util.stream.Stream;

import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Bad input of every kind gets a 4xx with an RFC 9457 problem body naming the reason, never a 5xx
 * nor a stack trace.
 */
class BadRequestTest extends ApiTest {

    private static final String CHAT = "/api/v1/chat";

    private static final String USER = TestTokens.newUserId();

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
                        () -> authenticated(HttpMethod.GET, "/actuator/env", TestTokens.operator(USER), null)));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("badRequests")
    void isRefusedWithAProblem(String name, int expectedStatus, String reason,
            Supplier<MockHttpServletRequestBuilder> request) throws Exception {
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
        assertThat(body).doesNotContain("Exception", "\tat ", "trace");
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
    void theTableCoversAtLeastFifteenBadInputs() {
        assertThat(badRequests().count()).isGreaterThanOrEqualTo(15);
    }

    private static Arguments bad(String name, int status, String reason,
            Supplier<MockHttpServletRequestBuilder> request) {
        return Arguments.of(name, status, reason, request);
    }

    private static MockHttpServletRequestBuilder chat(String body) {
        return authenticated(HttpMethod.POST, CHAT, TestTokens.user(USER), body).contentType(MediaType.APPLICATION_JSON);
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
