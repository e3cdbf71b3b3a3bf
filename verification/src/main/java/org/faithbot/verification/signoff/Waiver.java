package org.faithbot.verification.signoff;

import java.time.LocalDate;

/** A known failure accepted for the launch, by its owner, for a reason, until its expiry. */
public record Waiver(String criterion, String owner, String reason, LocalDate granted, LocalDate expiry, String record) {

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(granted) && !day.isAfter(expiry);
    }

    public String describe() {
        return criterion + " waived by " + owner + " until " + expiry + ": " + reason + (record == null ? "" : " (" + record + ")");
    }
}
