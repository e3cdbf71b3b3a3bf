package org.faithbot.chatbot.system.web;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;

@Configuration(proxyBeanMethods = false)
class WebConfiguration {

    /** Right after the instance headers filter, before Spring Security. */
    static final int BODY_LIMIT_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    /** Right after the instance headers filter, so every log line of the request has its id. */
    static final int REQUEST_ID_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 1;

    static final int ACCESS_LOG_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 2;

    /** After the request id and the access log, before everything that reads the request. */
    static final int REQUEST_SHAPE_FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 3;

    @Bean
    FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
        FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
        registration.setOrder(REQUEST_ID_FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<AccessLogFilter> accessLogFilter() {
        FilterRegistrationBean<AccessLogFilter> registration = new FilterRegistrationBean<>(new AccessLogFilter());
        registration.setOrder(ACCESS_LOG_FILTER_ORDER);
        return registration;
    }

    @Bean
    ProblemResponseWriter problemResponseWriter(JsonMapper jsonMapper) {
        return new ProblemResponseWriter(jsonMapper);
    }

    @Bean
    FilterRegistrationBean<RequestShapeFilter> requestShapeFilter(ProblemResponseWriter problems) {
        FilterRegistrationBean<RequestShapeFilter> registration = new FilterRegistrationBean<>(new RequestShapeFilter(problems));
        registration.setOrder(REQUEST_SHAPE_FILTER_ORDER);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(
            @Value("${chatbot.request.max-body-size:16KB}") DataSize maxBodySize, ProblemResponseWriter problems) {
        FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(maxBodySize.toBytes(), problems));
        registration.setOrder(BODY_LIMIT_FILTER_ORDER);
        return registration;
    }
}
