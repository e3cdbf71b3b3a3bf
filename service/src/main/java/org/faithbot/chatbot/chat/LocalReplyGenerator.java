package org.faithbot.chatbot.chat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;

import org.faithbot.chatbot.scripture.ScriptureTopic;
import org.faithbot.chatbot.scripture.TopicClassifier;
import org.faithbot.chatbot.scripture.Verse;

/**
 * Writes replies in process, without a model: the topic comes from keyword matching, the
 * encouragement and verse from the topic's entries in the verse library, chosen by a stable hash
 * of the message (the same message always gets the same reply).
 */
public class LocalReplyGenerator implements ReplyGenerator {

    private final TopicClassifier classifier;

    public LocalReplyGenerator(TopicClassifier classifier) {
        this.classifier = classifier;
    }

    @Override
    public Reply generate(ReplyRequest request) {
        ScriptureTopic topic = this.classifier.classify(request.message());
        long hash = stableHash(request.message());
        Verse verse = pick(topic.verses(), hash);
        String encouragement = pick(topic.encouragements(), hash / topic.verses().size());
        return new Reply(encouragement, topic.name(), verse);
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
