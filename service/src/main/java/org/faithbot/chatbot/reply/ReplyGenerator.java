package org.faithbot.chatbot.reply;

/**
 * The port that writes the assistant's reply to a user's message, grounded in the curated verse
 * library: {@link LocalReplyGenerator} (deterministic, in process) and
 * {@link BedrockReplyGenerator} (Amazon Bedrock Converse API, behind
 * {@link ResilientReplyGenerator}'s timeout, circuit breaker and fallback). Selected by
 * {@code chatbot.reply.generator=local|bedrock}.
 */
public interface ReplyGenerator {

    Reply generate(ReplyRequest request);

    /** What a generator gets: the caller, the conversation and the user's message. */
    record ReplyRequest(String userId, String conversationId, String message) {

        /** Never shows the message. */
        @Override
        public String toString() {
            return "ReplyRequest[conversationId=" + this.conversationId + "]";
        }
    }
}
