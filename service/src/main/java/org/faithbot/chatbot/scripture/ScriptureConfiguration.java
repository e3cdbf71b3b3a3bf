package org.faithbot.chatbot.scripture;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ScriptureConfiguration {

    @Bean
    VerseLibrary verseLibrary() {
        return VerseLibrary.loadDefault();
    }

    @Bean
    TopicClassifier topicClassifier(VerseLibrary verseLibrary) {
        return new TopicClassifier(verseLibrary);
    }
}
