package org.faithbot.chatbot.system.overload;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import org.faithbot.chatbot.system.web.ProblemResponseWriter;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The instance's concurrency limit for API requests: the resilience4j semaphore bulkhead
 * {@code api} (fair queuing), configured under {@code resilience4j.bulkhead.instances.api}
 * ({@code max-concurrent-calls}, {@code max-wait-duration}); its gauges are
 * {@code resilience4j_bulkhead_*{name="api"}}.
 */
@Configuration(proxyBeanMethods = false)
class OverloadConfiguration {

    /** After the request id, access log and body limit filters, before Spring Security. */
    static final int CONCURRENCY_LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 11;

    static final String BULKHEAD_NAME = "api";

    @Bean
    FilterRegistrationBean<ConcurrencyLimitFilter> concurrencyLimitFilter(BulkheadRegistry bulkheads,
            ProblemResponseWriter problems) {
        FilterRegistrationBean<ConcurrencyLimitFilter> registration = new FilterRegistrationBean<>(
                new ConcurrencyLimitFilter(bulkheads.bulkhead(BULKHEAD_NAME), problems));
        registration.setOrder(CONCURRENCY_LIMIT_FILTER_ORDER);
        return registration;
    }
}
