package org.faithbot.chatbot.system.crypto;

import org.faithbot.chatbot.system.security.JwtProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class CryptoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CryptoConfiguration.class);

    @Bean
    ServiceKeys serviceKeys(ServiceKeyProperties properties, JwtProperties jwt) {
        if (properties.pseudonymKey() != null && !properties.pseudonymKey().isBlank()) {
            return ServiceKeys.of(ServiceKeys.decodeBase64(properties.pseudonymKey()));
        }
        if (jwt.hasHmacSecret()) {
            return ServiceKeys.derivedFrom(ServiceKeys.decodeBase64(jwt.hmacSecret()));
        }
        log.warn("Neither chatbot.privacy.pseudonym-key nor chatbot.security.jwt.hmac-secret is set: using a random "
                + "key for this process (pseudonyms and paging cursors will not match across instances or restarts)");
        return ServiceKeys.random();
    }

    @Bean
    Pseudonyms pseudonyms(ServiceKeys serviceKeys) {
        return new Pseudonyms(serviceKeys);
    }
}
