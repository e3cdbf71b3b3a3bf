package org.faithbot.chatbot.chat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ChatMessageTest {

    @Test
    void theMessageKeyIsConversationThenZeroPaddedMillisThenMessageId() {
        assertThat(ChatMessage.messageKey("c-1", Instant.ofEpochMilli(42), "m-1")).isEqualTo("c-1#0000000000042#m-1");
        assertThat(ChatMessage.messageKey("c-1", Instant.parse("2026-11-24T18:00:00.123Z"), "m-1"))
            .isEqualTo("c-1#1795543200123#m-1");
    }

    @Test
    void neverShowsTheTextInItsStringForm() {
        ChatMessage message = new ChatMessage("u", "c", "m", MessageRole.USER, "my secret worry", null, "anxiety",
                Instant.EPOCH, Instant.EPOCH);
        assertThat(message.toString()).doesNotContain("secret");
    }
}
