package org.faithbot.verification.signoff;

import org.faithbot.verification.catalogue.CriteriaCatalogue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.Instant;

/** The people's half of the verdict, as it stands on a day: the sign-off ledger and the waivers. */
public record LaunchLedger(SignOffLedger signOffs, Waivers waivers, LocalDate day) {

    /** The project's ledger and waivers (launch/), validated, as they stand at {@code at} (UTC). */
    public static LaunchLedger of(Path projectRoot, CriteriaCatalogue catalogue, Instant at) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        return new LaunchLedger(SignOffLedger.of(projectRoot, catalogue, day), Waivers.of(projectRoot, catalogue), day);
    }

    /** No sign-off and no waiver (a unit test's run). */
    public static LaunchLedger none(Instant at) {
        return new LaunchLedger(SignOffLedger.empty(), Waivers.none(), at.atOffset(ZoneOffset.UTC).toLocalDate());
    }
}
