@US-5 @recovery
Feature: Backup and disaster recovery
  Recovery is measured, never assumed. In a drill, users chat with the service while the harness
  records every write the service acknowledges; every table is backed up on a schedule; then a
  disaster strikes. The tables are restored into new tables and the service is re-pointed at them
  with the runbook's own commands (bin/dr). The drill measures the recovery time (RTO) and the data
  lost (RPO) against the objectives in docs/recovery-objectives.md, and checks that every write
  acknowledged before the recovery point came back identical, both through the service and in the
  restored tables, with an item count and a checksum for each table.

  Locally, moto is the AWS: its DynamoDB backups are genuine snapshots, and the figures it gives
  are local figures. Point-in-time recovery and AWS Backup's cross-region copies exist only in AWS,
  so those scenarios run against staging.

  @AC-5.4 @AC-5.5 @AC-5.3 @NFR-OPS-4 @SC-OPS-2 @local @destructive
  Scenario: After its messages table is deleted, the service runs on restored data within the objectives and every write older than the recovery point is intact
    Given a recovery drill site: the service on its own local AWS with genuine DynamoDB backup snapshots
    And 4 users chat with the service, each sending a message every 150 ms, while every acknowledged write is recorded
    And every table is backed up on the local drill's schedule, 3 times, while they chat
    When disaster strikes 1500 ms after the last backup: the messages table is deleted
    And every table is restored from its latest backup taken before the disaster into new tables
    And the service is re-pointed at the restored tables and serves again
    Then the recovery time is within the local drill's recovery time objective
    And the data lost is within the local drill's recovery point objective
    And every write acknowledged before the recovery point is present and identical in the restored tables and in the service's export
    And every restored table has the same item count and checksum as its source at the backup
    And the service accepts new writes on the restored tables
    And every backup of the drill succeeded
    And every command of the runbook the drill ran succeeded

  @AC-5.4 @AC-5.5 @NFR-OPS-4 @SC-OPS-2 @local @destructive
  Scenario: After a bad release corrupts messages, the service runs on the data from before the release within the objectives
    Given a recovery drill site: the service on its own local AWS with genuine DynamoDB backup snapshots
    And 4 users chat with the service, each sending a message every 150 ms, while every acknowledged write is recorded
    And every table is backed up on the local drill's schedule, 3 times, while they chat
    When disaster strikes 1500 ms after the last backup: a bad release overwrites every 3rd message and deletes every 5th, directly in the messages table
    And a scheduled backup runs after the bad release and captures the corrupted data
    And every table is restored from its latest backup taken before the disaster into new tables
    And the service is re-pointed at the restored tables and serves again
    Then the restore passed over the backup of the corrupted data
    And the recovery time is within the local drill's recovery time objective
    And the data lost is within the local drill's recovery point objective
    And every write acknowledged before the recovery point is present and identical in the restored tables and in the service's export
    And every restored table has the same item count and checksum as its source at the backup
    And the service accepts new writes on the restored tables
    And every backup of the drill succeeded
    And every command of the runbook the drill ran succeeded

  @AC-5.1 @AC-5.4 @staging @destructive
  Scenario: Point-in-time recovery is enabled on every table and restores the tables as they were at a chosen instant
    Given point-in-time recovery is enabled on every table of the service, with at least 35 days to restore from
    And a new user "Hannah" writes 3 chat messages through the service, each acknowledgement recorded
    When her writes become restorable, within the in-region recovery point objective
    And every table is restored to the latest restorable instant into new tables
    Then the restore took no longer than the in-region recovery time objective
    And her writes are present and identical in the tables restored to that instant
    And the drill's restored tables are deleted

  @AC-5.2 @AC-5.4 @staging @destructive
  Scenario: Every table's backups are copied to the disaster-recovery region and can be restored there
    Given every table of the service has a completed recovery point in the primary region's backup vault
    And the newest copy of each table in the disaster-recovery region's vault is no older than the region-loss recovery point objective
    When every table is restored in the disaster-recovery region from its newest copy
    Then the restore took no longer than the region-loss recovery time objective
    And every table restored in the disaster-recovery region is active and holds the backed-up items
    And the drill's restored tables are deleted
