package org.faithbot.chatbot.scripture;

import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerseLibraryTest {

    private static final Pattern REFERENCE = Pattern.compile("([1-3] )?[A-Z][a-z]+( of [A-Z][a-z]+)? \\d+:\\d+(-\\d+)?");

    private final VerseLibrary library = VerseLibrary.loadDefault();

    @Test
    void hasAtLeastFiveTopicsOfAtLeastThreeVersesEach() {
        assertThat(this.library.topics()).hasSizeGreaterThanOrEqualTo(5);
        for (ScriptureTopic topic : this.library.topics()) {
            assertThat(topic.verses()).as(topic.name()).hasSizeGreaterThanOrEqualTo(3);
            assertThat(topic.encouragements()).as(topic.name()).isNotEmpty();
            assertThat(topic.keywords()).as(topic.name()).isNotEmpty();
        }
    }

    @Test
    void coversTheTopicsTheApiPromises() {
        assertThat(this.library.topics()).extracting(ScriptureTopic::name)
            .contains("anxiety", "grief", "purpose", "gratitude", "hope");
    }

    @Test
    void theDefaultTopicIsHope() {
        assertThat(this.library.defaultTopic().name()).isEqualTo("hope");
    }

    @Test
    void everyVerseHasAWellFormedReferenceAndRealText() {
        for (ScriptureTopic topic : this.library.topics()) {
            Set<String> references = new HashSet<>();
            for (Verse verse : topic.verses()) {
                assertThat(verse.reference()).as(topic.name()).matches(REFERENCE);
                assertThat(references.add(verse.reference())).as("%s listed twice in %s", verse.reference(), topic.name())
                    .isTrue();
                assertThat(verse.text()).as(verse.reference()).hasSizeGreaterThan(20).endsWith(".");
            }
        }
    }

    @Test
    void isTheKingJamesVersion() {
        assertThat(this.library.translation()).isEqualTo("KJV");
        assertThat(this.library.versesFor("anxiety")).contains(new Verse("Philippians 4:6-7",
                "Be careful for nothing; but in every thing by prayer and supplication with thanksgiving let your "
                        + "requests be made known unto God. And the peace of God, which passeth all understanding, "
                        + "shall keep your hearts and minds through Christ Jesus."));
    }

    @Test
    void anUnknownTopicHasNoVerses() {
        assertThat(this.library.versesFor("astrology")).isEmpty();
        assertThat(this.library.topic("astrology")).isEmpty();
    }
}
