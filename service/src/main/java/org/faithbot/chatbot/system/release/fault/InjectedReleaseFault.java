package org.faithbot.chatbot.system.release.fault;

/** A chat request failed on purpose by {@code chatbot.release.fault.chat-failure-ratio}. */
class InjectedReleaseFault extends RuntimeException {

    InjectedReleaseFault() {
        super("release fault injected (chatbot.release.fault.chat-failure-ratio)", null, false, false);
    }
}
