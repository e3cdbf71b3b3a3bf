package org.faithbot.chatbot.chat;

/**
 * The port that writes the assistant's reply to a user's message. {@link LocalReplyGenerator} is
 * the in-process adapter; a model-backed adapter (Amazon Bedrock) can replace it.
 */
public interface ReplyGenerator {

    Reply generate(ReplyRequest request);

    /** What a generator gets: the caller, the conversation and the user's message. */
    record ReplyRequest(String userId, String conversationId, String message) {
    }
}
