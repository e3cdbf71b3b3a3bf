package org.faithbot.chatbot.reply;

import org.faithbot.chatbot.scripture.Verse;

/**
 * The assistant's reply: a motivational text, the topic it answers, a scripture verse of the
 * curated library and which generator wrote it ({@link #LOCAL}, {@link #BEDROCK}, {@link #FALLBACK}
 * or {@link #SAFETY}).
 */
public record Reply(String text, String topic, Verse scripture, String source) {

    public static final String LOCAL = "local";

    public static final String BEDROCK = "bedrock";

    /** The local generator standing in for a model that was slow, failing or refused. */
    public static final String FALLBACK = "fallback";

    /** The fixed safe reply to crisis language, never written by a model. */
    public static final String SAFETY = "safety";

    public Reply(String text, String topic, Verse scripture) {
        this(text, topic, scripture, LOCAL);
    }

    public Reply withSource(String newSource) {
        return new Reply(this.text, this.topic, this.scripture, newSource);
    }

    /** Never shows the text. */
    @Override
    public String toString() {
        return "Reply[topic=" + this.topic + ", scripture=" + this.scripture.reference() + ", source=" + this.source + "]";
    }
}
