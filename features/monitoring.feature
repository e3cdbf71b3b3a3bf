@monitoring
Feature: Real-time monitoring and alerting, timed from the fault to the page and back
  The local target has the monitoring of production in small: Prometheus scrapes every instance of the service
  (every 2 s, the instances a deployment starts too, from a file of targets the harness rewrites) and evaluates
  the alerting rules of the Terraform's CloudWatch alarms on the service's own metrics, with their thresholds
  (an instance not answering, no instance answering, more than 5 % of requests failing, chat p95 above 3 s);
  Alertmanager pages the harness, which stands for the on-call: it timestamps every page, acknowledges it through
  Alertmanager once the page names its runbook section, and watches the alert resolve after the recovery. Real
  time here is a change in the service seen by Prometheus within seconds and paged within a minute (in AWS:
  CloudWatch's one-minute periods, paged through SNS). A missing figure is an outage: an instance that does not
  answer its scrape is down, and no instance left to scrape is the service down.

  @AC-3.4 @NFR-OPS-1 @NFR-OPS-5 @SC-OPS-1 @local @destructive
  Scenario: An instance that stops answering is seen at once, paged with its runbook, acknowledged, and the alert resolves
    Given Prometheus scrapes every instance of the local target and Alertmanager pages the harness
    When an instance of the service freezes for 20 seconds
    Then Prometheus sees it down within 10 seconds
    And the instance-down alert reaches the pager within 60 seconds, naming its runbook section
    And the on-call acknowledges it through Alertmanager
    And after the instance resumes the alert resolves within 60 seconds

  @NFR-OPS-5 @SC-OPS-1 @local @destructive
  Scenario: With no instance left answering, the service-down alert pages
    Given Prometheus scrapes every instance of the local target and Alertmanager pages the harness
    When every instance of the service freezes for 15 seconds
    Then the service-down alert reaches the pager within 60 seconds, naming its runbook section
    And the on-call acknowledges it through Alertmanager
    And after the instances resume the alert resolves within 60 seconds
