package org.faithbot.chatbot.system.drills;

import org.faithbot.chatbot.support.FaultDrillTest;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.faithbot.chatbot.support.Requests.getAs;
import static org.faithbot.chatbot.support.Requests.postAs;
import static org.faithbot.chatbot.support.Requests.postJsonAs;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Chaos Monkey (profile chaos-monkey) on the repository layer, switched at run time by operators only. */
class ChaosMonkeyTest extends FaultDrillTest {

    private static final String OPERATOR = TestTokens.operator("operator-chaos");

    @AfterEach
    void calmDown() throws Exception {
        this.mvc.perform(postJsonAs(OPERATOR, "/actuator/chaosmonkey/assaults",
                "{\"level\":1,\"latencyActive\":false,\"exceptionsActive\":false}")).andExpect(status().isOk());
        this.mvc.perform(postAs(OPERATOR, "/actuator/chaosmonkey/disable")).andExpect(status().isOk());
    }

    @Test
    void onlyOperatorsReachTheChaosEndpoints() throws Exception {
        this.mvc.perform(post("/actuator/chaosmonkey/enable")).andExpect(status().isUnauthorized());
        this.mvc.perform(postAs(TestTokens.user(TestTokens.newUserId()), "/actuator/chaosmonkey/enable"))
            .andExpect(status().isForbidden())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        this.mvc.perform(getAs(OPERATOR, "/actuator/chaosmonkey/status")).andExpect(status().isOk());
    }

    @Test
    void anExceptionAssaultOnTheRepositoriesIsAnswered503() throws Exception {
        this.mvc.perform(postJsonAs(OPERATOR, "/actuator/chaosmonkey/assaults",
                "{\"level\":1,\"latencyActive\":false,\"exceptionsActive\":true}")).andExpect(status().isOk());
        this.mvc.perform(postAs(OPERATOR, "/actuator/chaosmonkey/enable")).andExpect(status().isOk());

        this.mvc.perform(getAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/conversations"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(header().string("Retry-After", "1"))
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aLatencyAssaultSlowsTheRepositories() throws Exception {
        this.mvc.perform(postJsonAs(OPERATOR, "/actuator/chaosmonkey/assaults",
                "{\"level\":1,\"latencyActive\":true,\"latencyRangeStart\":400,\"latencyRangeEnd\":400,\"exceptionsActive\":false}"))
            .andExpect(status().isOk());
        this.mvc.perform(postAs(OPERATOR, "/actuator/chaosmonkey/enable")).andExpect(status().isOk());

        long started = System.nanoTime();
        this.mvc.perform(getAs(TestTokens.user(TestTokens.newUserId()), "/api/v1/conversations")).andExpect(status().isOk());
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(400);
    }
}
