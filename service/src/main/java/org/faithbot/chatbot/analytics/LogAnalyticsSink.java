package org.faithbot.chatbot.analytics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes analytics events to the log {@code org.faithbot.chatbot.analytics} (shipped to the collector from there). */
class LogAnalyticsSink implements AnalyticsSink {

    private static final Logger log = LoggerFactory.getLogger("org.faithbot.chatbot.analytics");

    @Override
    public void send(AnalyticsEvent event) {
        log.info("analytics event {} subject={} attributes={}", event.type(), event.subject(), event.attributes());
    }
}
