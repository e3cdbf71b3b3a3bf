@US-5 @US-6 @runbooks
Feature: Runbooks at hand, with commands that exist
  In an incident an operator follows a runbook step by step, and a step naming a command that does
  not exist (a renamed script, a removed option, a mistyped AWS operation) costs minutes of the
  recovery time. So every fenced command of the runbooks in docs/runbooks is checked on every run:
  it must be a script of bin/ with a subcommand and options it knows, or an AWS CLI operation of a
  checked list. The recovery runbook must also hold the commands the recovery drill runs, so the
  procedure rehearsed is the procedure written down.

  @AC-5.6 @AC-5.3 @local
  Scenario: Every command of the recovery runbooks exists, and the restore runbook holds the commands the drill runs
    Given the runbooks "restore.md" and "region-failover.md"
    Then every command in them points at a command that exists
    And the restore runbook holds every bin/dr command the local recovery drill runs

  @AC-6.4 @local
  Scenario: Every command of the incident-response runbook exists
    Given the runbook "incident-response.md"
    Then every command in them points at a command that exists
