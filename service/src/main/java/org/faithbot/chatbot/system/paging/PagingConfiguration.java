package org.faithbot.chatbot.system.paging;

import org.faithbot.chatbot.system.crypto.ServiceKeys;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PagingConfiguration {

    @Bean
    CursorCodec cursorCodec(ServiceKeys serviceKeys) {
        return new CursorCodec(serviceKeys);
    }
}
