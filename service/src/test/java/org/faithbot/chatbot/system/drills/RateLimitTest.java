package org.faithbot.chatbot.system.drills;

import org.faithbot.chatbot.support.FaultDrillTest;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.faithbot.chatbot.support.Requests.getAs;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The per-user rate limit (5 a minute in this context): 429 with Retry-After past it, per user only. */
class RateLimitTest extends FaultDrillTest {

    @Test
    void aUserOverTheLimitGets429WithRetryAfterAndOthersAreNotAffected() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        for (int i = 0; i < 5; i++) {
            this.mvc.perform(getAs(token, "/api/v1/conversations"))
                .andExpect(status().isOk())
                .andExpect(header().string("RateLimit-Limit", "5"))
                .andExpect(header().string("RateLimit-Remaining", String.valueOf(4 - i)));
        }
        this.mvc.perform(getAs(token, "/api/v1/conversations"))
            .andExpect(status().isTooManyRequests())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(header().string("Retry-After", "12"))
            .andExpect(jsonPath("$.status").value(429))
            .andExpect(jsonPath("$.detail").value(containsString("5 requests per minute")))
            .andExpect(jsonPath("$.retryAfterSeconds").value(12));

        this.mvc.perform(getAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/conversations")).andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/verses/daily")).andExpect(status().isOk());
        this.mvc.perform(get("/api/v1/conversations")).andExpect(status().isUnauthorized());
    }
}
