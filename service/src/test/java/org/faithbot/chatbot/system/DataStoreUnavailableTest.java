package org.faithbot.chatbot.system;

import org.faithbot.chatbot.support.Dynalite;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * With DynamoDB unreachable the service still starts; data calls answer 503 problems without a
 * stack trace, readiness is DOWN and liveness UP.
 */
@SpringBootTest(properties = { "chatbot.instance-id=no-database", "logging.structured.format.console=",
        "chatbot.dynamodb.api-call-timeout=500ms", "chatbot.dynamodb.api-call-attempt-timeout=200ms" })
@AutoConfigureMockMvc
class DataStoreUnavailableTest {

    @Autowired
    private MockMvc mvc;

    @DynamicPropertySource
    static void unreachableDynamoDb(DynamicPropertyRegistry registry) {
        registry.add("chatbot.dynamodb.endpoint", () -> "http://127.0.0.1:" + Dynalite.freePort());
        registry.add("chatbot.security.jwt.hmac-secret", () -> TestTokens.SECRET_BASE64);
        registry.add("chatbot.security.jwt.issuer", () -> TestTokens.ISSUER);
    }

    @Test
    void chatAnswers503WithAProblem() throws Exception {
        this.mvc
            .perform(post("/api/v1/chat").header(HttpHeaders.AUTHORIZATION, bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"message\": \"hello\"}"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(header().string(HttpHeaders.RETRY_AFTER, "1"))
            .andExpect(jsonPath("$.status").value(503))
            .andExpect(jsonPath("$.detail").value(containsString("temporarily unavailable")))
            .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void exportAndErasureAnswer503WithAProblem() throws Exception {
        this.mvc.perform(get("/api/v1/me/export").header(HttpHeaders.AUTHORIZATION, bearer()))
            .andExpect(status().isServiceUnavailable())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        this.mvc.perform(delete("/api/v1/me").header(HttpHeaders.AUTHORIZATION, bearer()))
            .andExpect(status().isServiceUnavailable())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void readinessIsDownAndLivenessUp() throws Exception {
        this.mvc.perform(get("/actuator/health/readiness"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(jsonPath("$.status").value("DOWN"))
            .andExpect(jsonPath("$.components.dynamoDb.status").value("DOWN"));
        this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }

    private static String bearer() {
        return TestTokens.bearer(TestTokens.user(TestTokens.newUserId()));
    }
}
