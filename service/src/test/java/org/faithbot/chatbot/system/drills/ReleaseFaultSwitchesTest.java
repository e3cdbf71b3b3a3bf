package org.faithbot.chatbot.system.drills;

import org.faithbot.chatbot.support.FaultDrillTest;
import org.faithbot.chatbot.support.TestTokens;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import static org.faithbot.chatbot.support.Requests.getAs;
import static org.faithbot.chatbot.support.Requests.postAs;
import static org.faithbot.chatbot.support.Requests.postJsonAs;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The release fault switches of the deployment drills: label, failing chats, readiness never up. */
class ReleaseFaultSwitchesTest extends FaultDrillTest {

    @Test
    void theReleaseLabelIsInTheVersionHeaderAndInInfo() throws Exception {
        this.mvc.perform(get("/actuator/info"))
            .andExpect(status().isOk())
            .andExpect(header().string("X-App-Version", endsWith("+canary-7")))
            .andExpect(jsonPath("$.release.label").value("canary-7"))
            .andExpect(jsonPath("$.release.version").value(endsWith("+canary-7")))
            .andExpect(jsonPath("$.release.faults.chatFailureRatio").value(1.0))
            .andExpect(jsonPath("$.release.faults.readinessDown").value(true));
    }

    @Test
    void everyChatIsAnswered500WithAProblemAndNothingElseFails() throws Exception {
        String token = TestTokens.user(TestTokens.newUserId());
        this.mvc.perform(postJsonAs(token, "/api/v1/chat", "{\"message\": \"hello\"}"))
            .andExpect(status().isInternalServerError())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.status").value(500))
            .andExpect(jsonPath("$.detail").value(containsString("release fault switch")));
        this.mvc.perform(getAs(token, "/api/v1/conversations"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items").isEmpty());
    }

    @Test
    void onlyChatsTheControllerWouldAnswerFailBadInputStillGetsItsClientError() throws Exception {
        this.mvc.perform(post("/api/v1/chat").contentType(MediaType.APPLICATION_JSON).content("{\"message\": \"hello\"}"))
            .andExpect(status().isUnauthorized());
        String token = TestTokens.user(TestTokens.newUserId());
        this.mvc.perform(postJsonAs(token, "/api/v1/chat", "{}")).andExpect(status().isBadRequest());
        this.mvc.perform(postJsonAs(token, "/api/v1/chat", "{\"message\": ")).andExpect(status().isBadRequest());
        this.mvc.perform(postAs(token, "/api/v1/chat").contentType(MediaType.TEXT_PLAIN).content("hello"))
            .andExpect(status().isUnsupportedMediaType());
    }

    @Test
    void readinessNeverComesUpWhileLivenessIsUp() throws Exception {
        this.mvc.perform(get("/actuator/health/readiness"))
            .andExpect(status().isServiceUnavailable())
            .andExpect(jsonPath("$.components.release.status").value("DOWN"))
            .andExpect(jsonPath("$.components.dynamoDb.status").value("UP"));
        this.mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk());
    }
}
