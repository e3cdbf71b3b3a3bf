package org.faithbot.chatbot.privacy;

import java.util.Map;

/** One entry of the privacy audit trail: the action, when, and non-personal details (purposes, counts). */
public record AuditEntry(String action, String occurredAt, Map<String, String> details) {
}
