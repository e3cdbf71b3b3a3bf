package org.faithbot.chatbot.system.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    PerUserRateLimiter perUserRateLimiter(RateLimitProperties properties, MeterRegistry meterRegistry) {
        return new PerUserRateLimiter(properties, meterRegistry);
    }
}
