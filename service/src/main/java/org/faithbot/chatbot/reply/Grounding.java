package org.faithbot.chatbot.reply;

import org.faithbot.chatbot.scripture.ScriptureTopic;
import org.faithbot.chatbot.scripture.Verse;

/** What a reply is grounded in: the message's topic, the verse and the curated encouragement chosen for it. */
public record Grounding(ScriptureTopic topic, Verse verse, String encouragement) {
}
