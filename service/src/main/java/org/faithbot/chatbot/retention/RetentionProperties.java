package org.faithbot.chatbot.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long data is kept ({@code chatbot.retention.*}); the privacy policy states the same periods.
 * Each item gets {@code expiresAt} (epoch seconds, the tables' TTL attribute); expired items are
 * never served and are deleted (DynamoDB TTL in AWS; the service's own sweeps everywhere).
 *
 * @param messages messages and conversations, after the (last) message
 * @param prayers prayer requests, responses and reports
 * @param escalations crisis escalation records
 * @param privacyAudit entries of the privacy audit trail (no personal data)
 * @param idempotencyKeys remembered idempotency keys
 * @param userSweepInterval how often, at most, a user's partitions are swept for expired items when
 * the user is active
 */
@ConfigurationProperties("chatbot.retention")
public record RetentionProperties(@DefaultValue("365d") Duration messages, @DefaultValue("180d") Duration prayers,
        @DefaultValue("365d") Duration escalations, @DefaultValue("2190d") Duration privacyAudit,
        @DefaultValue("24h") Duration idempotencyKeys, @DefaultValue("24h") Duration userSweepInterval) {
}
