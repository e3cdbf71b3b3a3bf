package org.faithbot.chatbot.safety;

import org.jspecify.annotations.Nullable;

/** A place to get help now: its name, how to reach it and its web site. */
public record CrisisResource(String name, String contact, @Nullable String url) {
}
