package org.faithbot.chatbot.system.metrics;

import java.util.Set;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The metrics the service exposes on /actuator/prometheus (open to its scraper, and reachable by anyone who reaches an
 * instance) carry no class names: the exception tag of the HTTP observations (a handled exception's simple class name,
 * "HttpMessageNotReadableException" after a malformed body) becomes "error", or stays "none". The class itself is in the
 * log line of the failure; the metrics keep the status and outcome, which are what the alarms and dashboards read.
 */
@Configuration(proxyBeanMethods = false)
class MetricsConfiguration {

    /** The tags whose values Micrometer and Spring fill with a class name. */
    static final Set<String> CLASS_NAME_TAGS = Set.of("exception", "error", "cause");

    @Bean
    MeterFilter noClassNamesInMetrics() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getTags().stream().noneMatch(tag -> CLASS_NAME_TAGS.contains(tag.getKey()) && !generic(tag.getValue()))) {
                    return id;
                }
                return id.replaceTags(id.getTags().stream()
                        .map(tag -> CLASS_NAME_TAGS.contains(tag.getKey()) && !generic(tag.getValue()) ? Tag.of(tag.getKey(), "error") : tag)
                        .toList());
            }
        };
    }

    /** A value that names no class: none, or a word of our own. */
    static boolean generic(String value) {
        return value == null || value.isEmpty() || value.equalsIgnoreCase("none") || value.equals("error");
    }
}
