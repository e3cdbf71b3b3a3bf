@launch-page @AC-6.6
Feature: The launch-readiness page leads with the verdict
  Stakeholders decide on the page at reports/launch-readiness/index.html, not on the test results. Its first
  screen shows the verdict and which gate gave it (a local run: READY FOR STAGING or NOT READY; merged evidence:
  GO, GO with waivers or NO-GO), then every criterion as one cell of a grid by user story, coloured by its status.
  The page is made from summary.json alone; here a real browser renders it and what it shows is read back and
  compared with summary.json, so the page cannot say something the data does not. It is the evidence the
  launch checklist (AC-6.6) is signed on; the signature itself is a person's, in launch/sign-offs.yaml.

  @local @staging
  Scenario: The page of this run shows its gate's verdict first and every criterion as summary.json says
    Given the summary of this run so far, with the sign-off ledger and the waivers
    When its launch-readiness page is rendered in headless Chromium
    Then the verdict is the first thing on the page and reads as the summary's
    And every criterion has one cell, showing the status the summary gives it
    And no test-pass percentage is on the page

  @local
  Scenario: A merged launch verdict with a waiver reads "GO with waivers" and lists the waiver
    Given merged evidence of a local, a staging and a production run, every sign-off given and one criterion waived
    When its launch-readiness page is rendered in headless Chromium
    Then the verdict is the first thing on the page and reads as the summary's
    And every criterion has one cell, showing the status the summary gives it
    And the waiver is listed with its owner and expiry, and the waived criterion is not shown as passed
