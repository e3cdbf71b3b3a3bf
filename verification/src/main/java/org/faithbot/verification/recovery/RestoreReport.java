package org.faithbot.verification.recovery;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A restore of the service's tables into new tables under {@code targetPrefix}.
 *
 * @param method how: "backup" (RestoreTableFromBackup), "point-in-time" (RestoreTableToPointInTime) or "aws-backup" (StartRestoreJob)
 */
public record RestoreReport(String method, String sourcePrefix, String targetPrefix, List<RestoredTable> tables) {

    public RestoreReport {
        tables = List.copyOf(tables);
    }

    /** The instant of the data restored: for a set of backups, the oldest backup's creation time. */
    public Instant recoveryPoint() {
        return tables.stream().map(RestoredTable::restoredTo).min(Comparator.naturalOrder()).orElseThrow();
    }

    public Instant requestedAt() {
        return tables.stream().map(RestoredTable::requestedAt).min(Comparator.naturalOrder()).orElseThrow();
    }

    /** When the last restored table became ACTIVE. */
    public Instant activeAt() {
        return tables.stream().map(RestoredTable::activeAt).max(Comparator.naturalOrder()).orElseThrow();
    }

    public String describe() {
        return method + " restore of " + sourcePrefix + "* into " + targetPrefix + "*, recovery point " + recoveryPoint() + ":\n"
                + tables.stream().map(t -> "  " + t.table() + " <- " + t.source() + " (data of " + t.restoredTo() + ", ACTIVE after "
                        + t.took().toMillis() + " ms)").collect(Collectors.joining("\n"));
    }
}
