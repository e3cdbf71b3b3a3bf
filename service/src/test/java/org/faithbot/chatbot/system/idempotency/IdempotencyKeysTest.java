package org.faithbot.chatbot.system.idempotency;

import java.time.Instant;
import java.util.UUID;

import org.faithbot.chatbot.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completing a claim records its outcome; completing one that is gone (its user erased while the
 * request ran) records nothing and is no error of the request (the fuzzer once got a 503 from it).
 */
class IdempotencyKeysTest extends ApiTest {

    @Autowired
    private IdempotencyKeys keys;

    @Test
    void aClaimIsCompletedAndAGoneOneIsNotAnError() {
        String user = "u-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        keys.claimWithOutcome(user, "chat", key, "fingerprint", "conversation-1", Instant.now());
        assertThat(keys.complete(user, "chat", key, "message-1")).isTrue();
        assertThat(keys.complete(user, "chat", UUID.randomUUID().toString(), "message-2")).as("a claim that is gone").isFalse();
    }
}
