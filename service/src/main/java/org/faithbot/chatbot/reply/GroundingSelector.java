package org.faithbot.chatbot.reply;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

import org.faithbot.chatbot.scripture.ScriptureTopic;
import org.faithbot.chatbot.scripture.TopicClassifier;
import org.faithbot.chatbot.scripture.Verse;

/**
 * Chooses what a reply is grounded in: the topic by keyword matching, then the verse and
 * encouragement among the topic's entries of the verse library by a stable hash of the message
 * (the same message always gets the same choice). Every generator uses it, so a reply's verse always
 * comes from the curated library, never from a model.
 */
public class GroundingSelector {

    private final TopicClassifier classifier;

    public GroundingSelector(TopicClassifier classifier) {
        this.classifier = classifier;
    }

    public Grounding select(String message) {
        ScriptureTopic topic = this.classifier.classify(message);
        long hash = stableHash(message);
        Verse verse = pick(topic.verses(), hash);
        String encouragement = pick(topic.encouragements(), hash / topic.verses().size());
        return new Grounding(topic, verse, encouragement);
    }

    private static <T> T pick(List<T> choices, long hash) {
        return choices.get((int) Long.remainderUnsigned(hash, choices.size()));
    }

    private static long stableHash(String message) {
        CRC32 crc = new CRC32();
        crc.update(message.strip().getBytes(StandardCharsets.UTF_8));
        return crc.getValue();
    }
}
