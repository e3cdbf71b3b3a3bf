package org.faithbot.chatbot.reply;

/** The model's answer cannot be used (empty, too long, filtered by a guardrail): the fallback answers instead. */
class ModelReplyRefused extends RuntimeException {

    ModelReplyRefused(String reason) {
        super(reason, null, false, false);
    }
}
