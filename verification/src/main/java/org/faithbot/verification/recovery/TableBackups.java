package org.faithbot.verification.recovery;

import java.util.ArrayList;
import java.util.List;

/** Backs up every table of the service (on-demand CreateBackup), one backup a table, all under one name. */
public final class TableBackups {

    private final RecoveryDriver driver;
    private final List<String> logicalTables;

    public TableBackups(RecoveryDriver driver, List<String> logicalTables) {
        this.driver = driver;
        this.logicalTables = List.copyOf(logicalTables);
    }

    /** A backup a table; a table whose backup fails is reported in {@code failures} rather than stopping the others. */
    public Result backUpAll(String prefix, String backupName) {
        List<BackupRecord> backups = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (String table : logicalTables) {
            try {
                BackupRecord backup = driver.backUp(prefix + table, backupName);
                backups.add(backup);
                if (!backup.available()) {
                    failures.add(prefix + table + ": backup " + backup.backupArn() + " is " + backup.status());
                }
            } catch (RuntimeException e) {
                failures.add(prefix + table + ": " + e.getMessage());
            }
        }
        return new Result(backups, failures);
    }

    public record Result(List<BackupRecord> backups, List<String> failures) {

        public Result {
            backups = List.copyOf(backups);
            failures = List.copyOf(failures);
        }
    }
}
