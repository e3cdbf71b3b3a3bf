package org.faithbot.chatbot.chat;

import org.faithbot.chatbot.scripture.TopicClassifier;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

    /** The in-process reply generator, unless another adapter (e.g. Bedrock) is configured. */
    @Bean
    @ConditionalOnMissingBean(ReplyGenerator.class)
    LocalReplyGenerator localReplyGenerator(TopicClassifier topicClassifier) {
        return new LocalReplyGenerator(topicClassifier);
    }
}
