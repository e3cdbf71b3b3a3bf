package org.faithbot.verification.signoff;

import java.time.LocalDate;

/**
 * One item of the sign-off ledger: what a person in {@code role} attests for {@code criterion}.
 *
 * @param name   who signed; null while unsigned
 * @param date   the day it was signed; null while unsigned
 * @param expiry the day the attestation stops holding; null while unsigned
 * @param record a link to the signed document or ticket; null while unsigned
 */
public record SignOff(String item, String criterion, String role, String name, LocalDate date, LocalDate expiry, String record) {

    /** Where an item stands on a given day. */
    public enum State { SIGNED, UNSIGNED, EXPIRED }

    public State stateOn(LocalDate day) {
        if (name == null) {
            return State.UNSIGNED;
        }
        return day.isAfter(expiry) ? State.EXPIRED : State.SIGNED;
    }

    /** The item and its standing on {@code day}, in words. */
    public String describeOn(LocalDate day) {
        return switch (stateOn(day)) {
            case UNSIGNED -> item + ": not signed (" + role + ")";
            case EXPIRED -> item + ": signed by " + name + " (" + role + ") on " + date + ", expired on " + expiry;
            case SIGNED -> item + ": signed by " + name + " (" + role + ") on " + date + ", until " + expiry + " (" + record + ")";
        };
    }
}
