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
    And every right the policy's record lists works through the endpoint it names

  @AC-6.4 @local
  Scenario: Every alarm is answered by a playbook section, and the playbook has severity, roles, escalation and the targets
    Then every alarm of the Terraform links to a playbook section that exists, and the playbook states severity, roles, escalation and targets

  @AC-6.6 @NFR-OPS-3 @local
  Scenario: The launch checklist: every item of the launch-preparation lists is answered by a document or a sign-off item
    The checklist itself is the launch verdict and the sign-off ledger (launch/sign-offs.yaml); this checks that
    the four lists of the requirements (user and operational documentation, community management, legal and
    compliance) leave no item that neither a document section nor a sign-off item answers.
    Then every item of the requirements' launch-preparation lists is covered by a documented procedure or a sign-off item

  @NFR-OPS-3 @SC-OPS-4 @local
  Scenario: Every procedure is documented, every link resolves and every runbook command exists
    Then every procedure the requirements name is documented
    And every relative link of every document resolves
    Given the runbooks "restore.md" and "region-failover.md"
    And the runbook "incident-response.md"
    Then every command in them points at a command that exists

  @AC-6.3 @local
  Scenario: The community guidelines state the standards the service enforces, and a reported prayer is moderated by them
    Given "the community guidelines" and "the prayer-team onboarding" state the standards "response-standard, moderation-standard, auto-hide-flags, escalation-response-standard" as the service is configured
    When a member's community prayer is reported by another member
    Then the moderation queue shows the report at once, due within the moderation standard
    When a moderator hides the prayer
    Then the prayer is gone from the community feed and its report from the queue
    When another community prayer is reported by as many members as the auto-hide threshold
    Then it is gone from the community feed without a moderator, and moderators see it hidden with its reports

  @AC-6.5 @local
  Scenario: A crisis message reaches support, who acknowledge it within the standard the support process states
    Given "the support process" and "the community guidelines" state the standards "escalation-response-standard" as the service is configured
    When a member writes a message in crisis language
    Then the member is shown crisis resources at once, and support lists the escalation, due within the escalation standard
    When support acknowledges it
    Then it is acknowledged within the escalation standard and no longer open

  @AC-6.1 @local
  Scenario: The user guide, the FAQ and the accessibility guide are reached from the chat page, pass an accessibility scan, and the chat works by keyboard
    When a member opens the chat page in a browser, follows its help links, and chats with the keyboard alone
    Then every help page the chat page links to is reached, with its heading
    And axe-core finds no serious or critical WCAG 2.1 A or AA violation on the chat page or on any help page
    And the keyboard alone saved the token, sent a message and brought its reply
    And the accessibility guide claims the checks that ran: axe-core's WCAG 2.1 A and AA rules on the chat page and the help pages, and a keyboard-only message
