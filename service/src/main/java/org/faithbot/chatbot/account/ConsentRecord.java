package org.faithbot.chatbot.account;

import java.time.Instant;

/** One recorded consent decision: purpose, document version, granted or withdrawn, when, and how (registration or update). */
public record ConsentRecord(String purpose, String version, boolean granted, Instant recordedAt, String source) {
}
