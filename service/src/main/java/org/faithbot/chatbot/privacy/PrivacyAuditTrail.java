package org.faithbot.chatbot.privacy;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.retention.RetentionProperties;
import org.faithbot.chatbot.system.crypto.Pseudonyms;
import org.faithbot.chatbot.system.instance.InstanceInfo;
import org.faithbot.chatbot.system.web.RequestIdFilter;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;

/**
 * The audit trail of privacy actions (table {@code privacy-audit}, {@link PrivacyAuditRepository}):
 * who (a keyed one-way pseudonym of the user id, never the id, e-mail, name or any text of the user),
 * what, when, and non-personal details (purposes, counts, instance, request id). It holds no personal
 * data, so it survives the user's erasure without being a trace of them; with the key, the service
 * can still show the user their own entries. Counted in {@code privacy.actions} by action.
 */
@Component
public class PrivacyAuditTrail {

    private final PrivacyAuditRepository entries;

    private final Pseudonyms pseudonyms;

    private final InstanceInfo instance;

    private final RetentionProperties retention;

    private final MeterRegistry registry;

    private final Clock clock;

    PrivacyAuditTrail(PrivacyAuditRepository entries, Pseudonyms pseudonyms, InstanceInfo instance,
            RetentionProperties retention, MeterRegistry registry, Clock clock) {
        this.entries = entries;
        this.pseudonyms = pseudonyms;
        this.instance = instance;
        this.retention = retention;
        this.registry = registry;
        this.clock = clock;
    }

    public void record(String userId, PrivacyAction action, Map<String, String> details) {
        Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        this.entries.save(this.pseudonyms.ofUser(userId), action, now, details, this.instance.instanceId(),
                MDC.get(RequestIdFilter.MDC_KEY), now.plus(this.retention.privacyAudit()));
        this.registry.counter("privacy.actions", "action", action.name()).increment();
    }

    /** The user's entries, newest first (at most {@code limit}). */
    public List<AuditEntry> entriesOf(String userId, int limit) {
        return this.entries.latest(this.pseudonyms.ofUser(userId), limit, this.clock.instant());
    }
}
