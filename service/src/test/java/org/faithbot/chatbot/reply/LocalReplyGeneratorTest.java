package org.faithbot.chatbot.reply;

import java.util.HashSet;
import java.util.Set;

import org.faithbot.chatbot.scripture.TopicClassifier;
import org.faithbot.chatbot.scripture.VerseLibrary;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalReplyGeneratorTest {

    private final VerseLibrary library = VerseLibrary.loadDefault();

    private final ReplyGenerator generator = new LocalReplyGenerator(new GroundingSelector(new TopicClassifier(this.library)));

    @Test
    void repliesWithAnEncouragementAndAVerseOfTheTopic() {
        Reply reply = generate("I am so worried about my surgery");
        assertThat(reply.topic()).isEqualTo("anxiety");
        assertThat(reply.text()).isNotBlank();
        assertThat(this.library.topic("anxiety").orElseThrow().encouragements()).contains(reply.text());
        assertThat(this.library.versesFor("anxiety")).contains(reply.scripture());
    }

    @Test
    void theSameMessageAlwaysGetsTheSameReply() {
        assertThat(generate("I miss her so much since the funeral"))
            .isEqualTo(generate("I miss her so much since the funeral"));
    }

    @Test
    void differentMessagesOfATopicDrawOnSeveralVerses() {
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            references.add(generate("I feel anxious, day " + i).scripture().reference());
        }
        assertThat(references).hasSizeGreaterThan(1);
    }

    @Test
    void crisisMessagesPointToHelp() {
        Reply reply = generate("I want to end my life");
        assertThat(reply.topic()).isEqualTo("crisis");
        assertThat(reply.text()).contains("988");
    }

    private Reply generate(String message) {
        return this.generator.generate(new ReplyGenerator.ReplyRequest("user-1", "conversation-1", message));
    }
}
