package org.faithbot.chatbot.safety;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

import org.faithbot.chatbot.reply.Reply;
import org.faithbot.chatbot.scripture.Verse;
import org.faithbot.chatbot.scripture.VerseLibrary;

/**
 * The fixed safe reply to crisis language: the category's text with crisis resources and a verse of
 * the library's {@code crisis} topic. Never written by a model.
 */
public class CrisisResponder {

    static final String CRISIS_TOPIC = "crisis";

    private final CrisisDetector detector;

    private final List<Verse> verses;

    public CrisisResponder(CrisisDetector detector, VerseLibrary library) {
        this.detector = detector;
        this.verses = library.topic(CRISIS_TOPIC).orElse(library.defaultTopic()).verses();
    }

    /** The safe reply when the message uses crisis language. */
    public Optional<CrisisReply> respond(String message) {
        return this.detector.detect(message)
            .map(category -> new CrisisReply(category,
                    new Reply(category.reply(), CRISIS_TOPIC, verse(message), Reply.SAFETY)));
    }

    public Optional<CrisisCategory> category(String name) {
        return this.detector.category(name);
    }

    public boolean isCrisis(String message) {
        return this.detector.detect(message).isPresent();
    }

    private Verse verse(String message) {
        CRC32 crc = new CRC32();
        crc.update(message.strip().getBytes(StandardCharsets.UTF_8));
        return this.verses.get((int) (crc.getValue() % this.verses.size()));
    }

    /** The category recognised and the reply for it. */
    public record CrisisReply(CrisisCategory category, Reply reply) {
    }
}
