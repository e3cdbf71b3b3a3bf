package org.faithbot.verification.recovery;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One backup checkpoint of a drill: every table backed up while the drill's writers were held, with
 * each table's count and checksum read at that instant.
 *
 * @param fingerprints by physical table name, read while the writers were held
 * @param failures     tables whose backup failed or did not come back AVAILABLE, with why
 */
public record Checkpoint(int number, Instant writersHeldAt, Instant writersReleasedAt, List<BackupRecord> backups,
                         Map<String, TableFingerprint> fingerprints, List<String> failures) {

    public Checkpoint {
        backups = List.copyOf(backups);
        fingerprints = Map.copyOf(fingerprints);
        failures = List.copyOf(failures);
    }

    public boolean succeeded() {
        return failures.isEmpty() && backups.stream().allMatch(BackupRecord::available);
    }

    /** The oldest backup creation time of the set: every write acknowledged before it is in every table's backup. */
    public Instant recoveryPoint() {
        return backups.stream().map(BackupRecord::createdAt).min(Comparator.naturalOrder()).orElseThrow();
    }
}
