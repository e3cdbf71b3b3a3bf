package org.faithbot.chatbot.system;

import java.util.Set;

import org.faithbot.chatbot.support.ApiTest;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faithbot.chatbot.support.Requests.getAs;
import static org.faithbot.chatbot.support.Requests.postJsonAs;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Request ids, security headers, metrics per endpoint and per DynamoDB operation, and logs without personal data. */
@ExtendWith(OutputCaptureExtension.class)
class ObservabilityTest extends ApiTest {

    @Test
    void everyResponseCarriesARequestIdTheCallersOwnWhenItIsPlain() throws Exception {
        this.mvc.perform(get("/actuator/health").header("X-Request-Id", "load-test-42.a_b"))
            .andExpect(header().string("X-Request-Id", "load-test-42.a_b"));
        this.mvc.perform(get("/actuator/health").header("X-Request-Id", "<script>alert(1)</script>"))
            .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
        this.mvc.perform(get("/api/v1/conversations"))
            .andExpect(status().isUnauthorized())
            .andExpect(header().exists("X-Request-Id"));
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (MvcResult result : new MvcResult[] {
                this.mvc.perform(getAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/conversations")).andReturn(),
                this.mvc.perform(get("/api/v1/conversations")).andReturn(), this.mvc.perform(get("/")).andReturn() }) {
            assertThat(result.getResponse().getHeader("Content-Security-Policy")).contains("default-src 'self'")
                .contains("frame-ancestors 'none'");
            assertThat(result.getResponse().getHeader("Strict-Transport-Security")).contains("max-age=31536000");
            assertThat(result.getResponse().getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(result.getResponse().getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(result.getResponse().getHeader("Referrer-Policy")).isEqualTo("no-referrer");
        }
        MvcResult api = this.mvc.perform(getAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/conversations")).andReturn();
        assertThat(api.getResponse().getHeader(HttpHeaders.CACHE_CONTROL)).contains("no-store");
    }

    @Test
    void prometheusShowsEveryDynamoDbOperationByTableAndNeverAScan() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        chatAs(token, "I am grateful", null);
        this.mvc.perform(getAs(token, "/api/v1/conversations"));
        this.mvc.perform(getAs(token, "/api/v1/me/export"));
        String prometheus = this.mvc.perform(get("/actuator/prometheus")).andReturn().getResponse().getContentAsString();
        assertThat(prometheus)
            .contains("dynamodb_operation_seconds_count{application=\"chatbot\",operation=\"BatchWriteItem\",outcome=\"success\",table=\"messages\"}")
            .contains("operation=\"Query\",outcome=\"success\",table=\"conversations\"")
            .contains("operation=\"GetItem\",outcome=\"success\",table=\"users\"")
            .contains("operation=\"UpdateItem\",outcome=\"success\",table=\"conversations\"")
            .contains("dynamodb_operation_seconds_sum")
            .doesNotContain("operation=\"Scan\"");
        assertThat(prometheus).contains("http_server_requests_seconds_count{application=\"chatbot\",error=\"none\",exception=\"none\",method=\"POST\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/chat\"}");
    }

    @Test
    void logsHoldNoPersonalData(CapturedOutput output) throws Exception {
        String userId = TestTokens.newUserId();
        String token = TestTokens.user(userId, "dorcas@example.org", "Dorcas Tabitha");
        Set<String> personal = Set.of(userId, "dorcas@example.org", "Dorcas Tabitha", "my secret sorrow", "I want to die");
        chatAs(token, "my secret sorrow", null);
        chatAs(token, "I want to die", null);
        this.mvc.perform(postJsonAs(token, "/api/v1/chat", "{\"message\": \"my secret sorrow\", \"mood\": 1}"))
            .andExpect(status().isBadRequest());
        this.mvc.perform(getAs(token, "/api/v1/me/export")).andExpect(status().isOk());
        this.mvc.perform(delete("/api/v1/me").header("Authorization", TestTokens.bearer(token))).andExpect(status().isOk());

        assertThat(output.getAll()).contains("POST /api/v1/chat 200").contains("Erased the data of user u1.");
        for (String value : personal) {
            assertThat(output.getAll()).as("the logs").doesNotContain(value);
        }
    }
}
