@launch-documentation
Feature: Launch documentation as verified artefacts
  The launch needs documents for members (user guide, FAQ, accessibility guide, privacy policy, terms,
  community guidelines), for the team (support and escalation, prayer-team onboarding, feedback) and
  for operations (incident response, restore, failover). A document that says something the system
  does not do is worse than none, so each is checked against the system: the privacy policy's
  record against the tables, the service's retention settings and the Terraform; the incident
  playbook against the alarms the Terraform creates; the procedures inventory against the files;
  every link and every runbook command against what exists.

  @AC-6.2 @local
  Scenario: The privacy policy states what the system keeps, for how long, and who processes it
    Then the privacy policy's record lists every table holding personal data with the retention the system keeps it

  @AC-6.4 @local
  Scenario: Every alarm is answered by a playbook section, and the playbook has severity, roles, escalation and the targets
    Then every alarm of the Terraform links to a playbook section that exists, and the playbook states severity, roles, escalation and targets

  @NFR-OPS-3 @SC-OPS-4 @local
  Scenario: Every procedure is documented, every link resolves and every runbook command exists
    Then every procedure the requirements name is documented
    And every relative link of every document resolves
    Given the runbooks "restore.md" and "region-failover.md"
    And the runbook "incident-response.md"
    Then every command in them points at a command that exists
