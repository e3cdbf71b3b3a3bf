package org.faithbot.chatbot.safety;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class CrisisDetectorTest {

    private static final CrisisDetector DETECTOR = CrisisDetector.loadDefault();

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            I want to end my life                    | self-harm
            Sometimes I think about SUICIDE           | self-harm
            I've been cutting myself again            | self-harm
            everyone would be better off dead without me | self-harm
            my husband hits me when he drinks         | abuse
            I was raped last year                     | abuse
            I'm scared to go home tonight             | abuse
            he abused me as a child                   | abuse
            I am anxious about my exam                | none
            it hits me hard that she is gone          | none
            this song is killing me, so good          | none
            beats me why the bus is late              | none
            it hits me when I remember her laugh      | none
            """)
    void recognisesCrisisLanguageAndNotOrdinaryWords(String message, String category) {
        assertThat(DETECTOR.detect(message).map(CrisisCategory::name).orElse("none")).isEqualTo(category);
    }
}
