package org.faithbot.chatbot.system;

import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.Configuration;

/**
 * In-process caches (Caffeine, {@code spring.cache.*}): the caches are named up front so Micrometer
 * binds their statistics at startup ({@code cache_gets_total{cache, result=hit|miss}}).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CachingConfiguration {
}
