package org.faithbot.chatbot.safety;

import org.faithbot.chatbot.scripture.VerseLibrary;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SafetyConfiguration {

    @Bean
    CrisisDetector crisisDetector() {
        return CrisisDetector.loadDefault();
    }

    @Bean
    CrisisResponder crisisResponder(CrisisDetector crisisDetector, VerseLibrary verseLibrary) {
        return new CrisisResponder(crisisDetector, verseLibrary);
    }
}
