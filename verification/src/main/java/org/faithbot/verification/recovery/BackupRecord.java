package org.faithbot.verification.recovery;

import java.time.Instant;

/** One on-demand backup of one table, as the backup service describes it. */
public record BackupRecord(String table, String backupArn, String backupName, Instant createdAt, String status) {

    public boolean available() {
        return "AVAILABLE".equals(status);
    }
}
