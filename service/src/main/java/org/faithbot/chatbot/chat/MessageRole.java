package org.faithbot.chatbot.chat;

import java.util.Locale;

/** Who wrote a message. Stored in lower case ({@code user}, {@code assistant}). */
public enum MessageRole {

    USER, ASSISTANT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
