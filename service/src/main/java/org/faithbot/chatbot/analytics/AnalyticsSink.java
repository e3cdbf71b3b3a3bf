package org.faithbot.chatbot.analytics;

/** Where analytics events go (the partner's collector in production; a log locally). */
public interface AnalyticsSink {

    void send(AnalyticsEvent event);
}
