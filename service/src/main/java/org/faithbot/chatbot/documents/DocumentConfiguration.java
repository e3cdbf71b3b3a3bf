package org.faithbot.chatbot.documents;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DocumentConfiguration {

    @Bean
    DocumentLibrary documentLibrary() {
        return DocumentLibrary.loadDefault();
    }
}
