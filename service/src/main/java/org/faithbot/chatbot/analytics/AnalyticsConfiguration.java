package org.faithbot.chatbot.analytics;

import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.system.crypto.Pseudonyms;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class AnalyticsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    AnalyticsSink analyticsSink() {
        return new LogAnalyticsSink();
    }

    @Bean
    AnalyticsPublisher analyticsPublisher(AnalyticsSink analyticsSink, Pseudonyms pseudonyms,
            MeterRegistry meterRegistry, Clock clock) {
        return new AnalyticsPublisher(analyticsSink, pseudonyms, meterRegistry, clock);
    }
}
