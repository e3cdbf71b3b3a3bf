Feature: Self-test of the recovery drill
  The drill must fail when a write the service acknowledged before the recovery point does not come
  back. Here one such write is deleted from the restored messages table before the service is
  re-pointed at it, and the drill's integrity check has to name it.

  @selftest @destructive
  Scenario: A write acknowledged before the recovery point is lost in the restore
    Given a recovery drill site: the service on its own local AWS with genuine DynamoDB backup snapshots
    And 2 users chat with the service, each sending a message every 150 ms, while every acknowledged write is recorded
    And every table is backed up on the local drill's schedule, 2 times, while they chat
    When disaster strikes 1000 ms after the last backup: the messages table is deleted
    And every table is restored from its latest backup taken before the disaster into new tables
    And one write acknowledged before the recovery point is lost from the restored messages table
    And the service is re-pointed at the restored tables and serves again
    Then every write acknowledged before the recovery point is present and identical in the restored tables and in the service's export
