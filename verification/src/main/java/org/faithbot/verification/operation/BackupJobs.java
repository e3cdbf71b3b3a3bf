package org.faithbot.verification.operation;

import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.ListBackupJobsRequest;

import java.util.List;

/** The vault's backup jobs created in a window, from AWS Backup (ListBackupJobs). */
public final class BackupJobs {

    private final BackupClient backup;

    public BackupJobs(BackupClient backup) {
        this.backup = backup;
    }

    public BackupHistory created(String vault, OperationWindow window) {
        List<BackupHistory.Job> jobs = backup.listBackupJobsPaginator(ListBackupJobsRequest.builder().byBackupVaultName(vault)
                        .byCreatedAfter(window.from()).byCreatedBefore(window.to()).build()).backupJobs().stream()
                .map(j -> new BackupHistory.Job(j.backupJobId(), j.resourceArn(), j.stateAsString(), j.creationDate(), j.statusMessage()))
                .toList();
        return new BackupHistory(window, jobs);
    }
}
