package org.faithbot.chatbot.scripture;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TopicClassifierTest {

    private final TopicClassifier classifier = new TopicClassifier(VerseLibrary.loadDefault());

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            I am so anxious about my exam tomorrow           | anxiety
            I'm WORRIED and can't sleep                      | anxiety
            Panic attacks keep coming back                   | anxiety
            My grandmother passed away last night            | grief
            I'm grieving the loss of my dad                  | grief
            I lost my mother                                 | grief
            What is the purpose of my life?                  | purpose
            I lost my job and feel stuck about my future     | purpose
            Thank you God, I'm so grateful today             | gratitude
            Thank you Lord, I got the job!                   | gratitude
            I feel so lonely, nobody calls me                | loneliness
            I can't forgive myself for that mistake          | forgiveness
            I'm exhausted and want to give up                | strength
            I feel hopeless and sad                          | hope
            Good morning                                     | hope
            Tell me something nice                           | hope
            I want to kill myself                            | crisis
            I'm thankful but I keep thinking about suicide   | crisis
            """)
    void picksTheTopicByKeywords(String message, String topic) {
        assertThat(this.classifier.classify(message).name()).isEqualTo(topic);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = { "   ", "!!!", "12345", "\u2764\ufe0f" })
    void defaultsToHopeWithoutAKeyword(String message) {
        assertThat(this.classifier.classify(message).name()).isEqualTo("hope");
    }

    @ParameterizedTest
    @ValueSource(strings = { "I'll be fine, singing at church", "the deadline is since monday", "downloading a file" })
    void matchesWordBeginningsOnlyNotWordsInsideOtherWords(String message) {
        assertThat(this.classifier.classify(message).name()).isEqualTo("hope");
    }
}
