package org.faithbot.chatbot.chat;

import org.faithbot.chatbot.scripture.Verse;

/** The assistant's reply: a motivational text, the topic it answers and a scripture verse. */
public record Reply(String text, String topic, Verse scripture) {
}
