package org.faithbot.verification.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessMatrixRunTest {

    private static final String BOBS_ID = "01a24778-4c89-73a3-8626-4a1a7e138c8f";
    private static final Set<String> BOBS = Set.of(BOBS_ID, "bob-marker-7f3a");

    @Test
    void anotherMembersIdInTheAnswerIsALeak() {
        assertThat(AccessMatrixRun.leaked(BOBS, "{\"conversationId\":\"" + BOBS_ID.toUpperCase() + "\"}", "GET /api/v1/conversations"))
                .containsExactly(BOBS_ID);
    }

    @Test
    void anotherMembersMarkerIsALeakEvenUnderAnIdTheCallerSent() {
        assertThat(AccessMatrixRun.leaked(BOBS, "{\"text\":\"bob-marker-7f3a\",\"id\":\"" + BOBS_ID + "\"}",
                "GET /api/v1/conversations/" + BOBS_ID + "/messages")).containsExactly("bob-marker-7f3a");
    }

    @Test
    void anIdTheCallerSentEchoedInARefusalIsNoLeak() {
        String path = "/api/v1/conversations/" + BOBS_ID + "/messages";
        assertThat(AccessMatrixRun.leaked(BOBS, "{\"status\":403,\"instance\":\"" + path + "\"}", "GET " + path)).isEmpty();
    }
}
