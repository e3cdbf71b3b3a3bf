package org.faithbot.chatbot.account;

import java.util.List;

import org.faithbot.chatbot.system.Timestamps;
import org.jspecify.annotations.Nullable;

/** The JSON shapes of the account and privacy API. */
final class AccountViews {

    private AccountViews() {
    }

    record Consent(String purpose, String version, boolean granted, String recordedAt, String source) {

        static Consent of(ConsentRecord record) {
            return new Consent(record.purpose(), record.version(), record.granted(),
                    Timestamps.format(record.recordedAt()), record.source());
        }

        static List<Consent> of(List<ConsentRecord> records) {
            return records.stream().map(Consent::of).toList();
        }
    }

    /** Answer of {@code POST /api/v1/accounts}. */
    record Account(String userId, String registeredAt, List<Consent> consents) {
    }

    /** A purpose one can consent to, with the document version a consent must refer to. */
    record Purpose(String purpose, String document, String currentVersion, boolean required) {
    }

    /** Answer of {@code GET/PUT /api/v1/me/consents}: current consents per purpose, the full history, the purposes. */
    record Consents(List<Consent> consents, List<Consent> history, List<Purpose> purposes) {
    }

    /** Answer of {@code GET/PUT /api/v1/me/privacy/sale-sharing-opt-out}. */
    record OptOut(boolean optOut, @Nullable String recordedAt, @Nullable String source) {

        static OptOut of(SaleSharingOptOutService.OptOut optOut) {
            return new OptOut(optOut.optOut(),
                    (optOut.recordedAt() != null) ? Timestamps.format(optOut.recordedAt()) : null, optOut.source());
        }
    }
}
