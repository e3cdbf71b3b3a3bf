package org.faithbot.chatbot.analytics;

import java.util.Map;

/**
 * A product-analytics event shared with the analytics partner (a "sharing" under CCPA): its type,
 * the user's pseudonym (never their id, e-mail, name or words) and non-personal attributes.
 */
public record AnalyticsEvent(String type, String subject, String occurredAt, Map<String, String> attributes) {

    public AnalyticsEvent {
        attributes = Map.copyOf(attributes);
    }
}
