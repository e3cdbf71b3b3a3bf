package org.faithbot.chatbot.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class WebFrontConfiguration {

    @Bean
    AssetCatalog assetCatalog() {
        return new AssetCatalog();
    }
}
