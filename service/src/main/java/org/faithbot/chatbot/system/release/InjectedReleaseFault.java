package org.faithbot.chatbot.system.release;

/** A chat request failed on purpose by {@code chatbot.release.fault.chat-failure-ratio}. */
public class InjectedReleaseFault extends RuntimeException {

    public InjectedReleaseFault() {
        super("release fault injected (chatbot.release.fault.chat-failure-ratio)", null, false, false);
    }
}
