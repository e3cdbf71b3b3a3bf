package org.faithbot.chatbot.analytics;

import java.time.Clock;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.account.PrivacyChoices;
import org.faithbot.chatbot.system.Timestamps;
import org.faithbot.chatbot.system.crypto.Pseudonyms;

/**
 * Emits analytics events only for users who consented to analytics and did not opt out of the sale
 * or sharing of their personal information (CCPA), and never for a request carrying the Global
 * Privacy Control signal ({@code Sec-GPC: 1}). The opt-out is honoured observably: every event is
 * counted in {@code analytics.events} with {@code outcome=emitted} or {@code outcome=suppressed} and
 * the {@code reason} (opt_out, gpc, no_consent).
 */
public class AnalyticsPublisher {

    private final AnalyticsSink sink;

    private final Pseudonyms pseudonyms;

    private final MeterRegistry registry;

    private final Clock clock;

    public AnalyticsPublisher(AnalyticsSink sink, Pseudonyms pseudonyms, MeterRegistry registry, Clock clock) {
        this.sink = sink;
        this.pseudonyms = pseudonyms;
        this.registry = registry;
        this.clock = clock;
    }

    /** @return whether the event was emitted */
    public boolean publish(String userId, PrivacyChoices choices, boolean globalPrivacyControl, String type,
            Map<String, String> attributes) {
        String suppressedBecause = globalPrivacyControl ? "gpc"
                : choices.saleSharingOptOut() ? "opt_out" : !choices.analyticsConsent() ? "no_consent" : null;
        if (suppressedBecause != null) {
            this.registry.counter("analytics.events", "type", type, "outcome", "suppressed", "reason", suppressedBecause)
                .increment();
            return false;
        }
        this.sink.send(new AnalyticsEvent(type, this.pseudonyms.ofUser(userId), Timestamps.format(this.clock.instant()),
                attributes));
        this.registry.counter("analytics.events", "type", type, "outcome", "emitted", "reason", "none").increment();
        return true;
    }
}
