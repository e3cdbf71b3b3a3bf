package org.faithbot.chatbot.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.faithbot.chatbot.retention.RetentionProperties;
import org.faithbot.chatbot.system.Ids;
import org.faithbot.chatbot.system.crypto.Pseudonyms;
import org.faithbot.chatbot.system.dynamodb.ExpiredItemReaper;
import org.faithbot.chatbot.system.dynamodb.Items;
import org.faithbot.chatbot.system.dynamodb.QueryPage;
import org.faithbot.chatbot.system.dynamodb.TableCatalog;
import org.faithbot.chatbot.system.paging.CursorCodec;
import org.faithbot.chatbot.system.paging.Page;
import org.faithbot.chatbot.system.web.ApiProblem;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import org.springframework.stereotype.Service;

/**
 * Escalations of crisis language to the support team, and their response-time standard
 * ({@code chatbot.safety.escalation-response-standard}): each is due that long after it was raised
 * (or reopened). Metrics: {@code safety.escalations.raised} by category,
 * {@code safety.escalation.response} (time to acknowledge) and
 * {@code safety.escalations.acknowledged} by {@code within_standard}.
 */
@Service
public class EscalationService {

    private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

    private final EscalationRepository escalations;

    private final SafetyProperties properties;

    private final RetentionProperties retention;

    private final Pseudonyms pseudonyms;

    private final CursorCodec cursors;

    private final ExpiredItemReaper reaper;

    private final MeterRegistry registry;

    private final Clock clock;

    EscalationService(EscalationRepository escalations, SafetyProperties properties, RetentionProperties retention,
            Pseudonyms pseudonyms, CursorCodec cursors, ExpiredItemReaper reaper, MeterRegistry registry, Clock clock) {
        this.escalations = escalations;
        this.properties = properties;
        this.retention = retention;
        this.pseudonyms = pseudonyms;
        this.cursors = cursors;
        this.reaper = reaper;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * Raises (or re-signals) the escalation of a source ({@code chat} conversation or {@code prayer}):
     * one per user and source, its id derived from both, so a retried or repeated signal never makes a second.
     */
    public Escalation raise(String userId, CrisisCategory category, String source, String sourceId) {
        Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        String escalationId = escalationIdOf(userId, source, sourceId);
        Escalation fresh = new Escalation(escalationId, userId, category.name(), source, sourceId, Escalation.OPEN, now,
                now.plus(this.properties.escalationResponseStandard()), null, 1, now, null);
        if (this.escalations.createIfAbsent(fresh, now.plus(this.retention.escalations()))) {
            this.registry.counter("safety.escalations.raised", "category", category.name()).increment();
            log.info("Escalation {} raised ({}, from {})", escalationId, category.name(), source);
            return fresh;
        }
        Escalation existing = this.escalations.recordSignal(userId, escalationId, now);
        if (Escalation.ACKNOWLEDGED.equals(existing.status())
                && this.escalations.reopen(userId, escalationId, now, now.plus(this.properties.escalationResponseStandard()))) {
            this.registry.counter("safety.escalations.reopened", "category", category.name()).increment();
            log.info("Escalation {} reopened by a new signal", escalationId);
            return this.escalations.find(userId, escalationId).orElse(existing);
        }
        return existing;
    }

    /** The id of the (one) escalation of a user's source: derived from both with the service key. */
    public String escalationIdOf(String userId, String source, String sourceId) {
        return Ids
            .fromDigest(this.pseudonyms.digestBytes("escalation\u0000" + userId + "\u0000" + source + "\u0000" + sourceId))
            .toString();
    }

    public Page<Escalation> list(String status, int limit, @Nullable String cursor, String caller) {
        String listing = "escalations:" + status;
        QueryPage page = this.escalations.byStatus(status, limit, this.cursors.decode(cursor, listing, caller));
        Instant now = this.clock.instant();
        List<Escalation> items = new ArrayList<>();
        for (Map<String, AttributeValue> item : page.items()) {
            if (Items.expired(item, now)) {
                this.reaper.reap(TableCatalog.ESCALATIONS, item);
            }
            else {
                items.add(EscalationRepository.fromItem(item));
            }
        }
        return new Page<>(items, this.cursors.encode(page.lastEvaluatedKey(), listing, caller));
    }

    public Escalation acknowledge(String escalationId, String supportUserId) {
        String userId = this.escalations.ownerOf(escalationId)
            .orElseThrow(() -> ApiProblem.notFound("No escalation with this id"));
        Instant now = this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
        if (!this.escalations.acknowledge(userId, escalationId, now, this.pseudonyms.ofUser(supportUserId))) {
            throw ApiProblem.conflict("The escalation is not open: it was already acknowledged");
        }
        Escalation acknowledged = this.escalations.find(userId, escalationId)
            .orElseThrow(() -> ApiProblem.notFound("No escalation with this id"));
        Duration responseTime = Duration.between(acknowledged.awaitingSince(), now);
        boolean withinStandard = !now.isAfter(acknowledged.dueAt());
        this.registry.timer("safety.escalation.response", "category", acknowledged.category()).record(responseTime);
        this.registry.counter("safety.escalations.acknowledged", "within_standard", String.valueOf(withinStandard))
            .increment();
        return acknowledged;
    }

    public Duration responseStandard() {
        return this.properties.escalationResponseStandard();
    }
}
