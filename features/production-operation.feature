@operation
Feature: Production's operation over time, read from what AWS keeps of it
  Some criteria only operation over time can show: uptime, the time to recover from an outage and the time
  between outages, the share of deployments and rollbacks that succeed, deployments that take nothing down,
  backups that complete. These scenarios read them from what AWS keeps of production over the operation window
  (35 days by default, within the 63 days CloudWatch keeps 5-minute periods): the load balancer's and the CDN's
  metrics in CloudWatch, the deployment group's deployments in CodeDeploy, the vault's backup jobs in AWS Backup. They change
  nothing and run against production only (daily, by the production-operation workflow); their figures are
  production evidence for the launch verdict. A 5-minute period is down when no target behind the balancer was
  healthy, when at least 5 % of its requests failed with a server error (the critical alarm's threshold), or when
  CloudWatch holds no figure for it: what cannot be shown is not assumed. An outage is a run of down periods.

  @NFR-AVAIL-1 @SC-PERF-1 @production
  Scenario: The service was up at least 99.9 % of the window, and under 0.1 % of its requests failed
    When the load balancer's metrics of the operation window are read in 5-minute periods
    Then the service was up in at least 99.9 % of the periods
    And under 0.1 % of the requests it answered failed with a server error

  @NFR-PERF-5 @production
  Scenario: The CDN served more than 90 % of the window's requests from its cache
    When CloudFront's metrics of the operation window are read hour by hour
    Then the CDN served more than 90 % of the window's requests from its cache

  @NFR-AVAIL-2 @production
  Scenario: Outages were recovered from within 30 minutes on average
    When the load balancer's metrics of the operation window are read in 5-minute periods
    Then the mean time to recover from an outage was under 30 minutes

  @NFR-AVAIL-3 @production
  Scenario: Outages were more than 720 hours apart on average
    When the load balancer's metrics of the operation window are read in 5-minute periods
    Then the mean time between outages was more than 720 hours

  @NFR-AVAIL-4 @production
  Scenario: More than 99 % of the window's release deployments succeeded
    When the deployment group's deployments of the operation window are read from CodeDeploy
    Then more than 99 % of the release deployments succeeded

  @SC-DEPLOY-1 @production
  Scenario: No deployment of the window took the service down
    When the load balancer's metrics of the operation window are read in 5-minute periods
    And the deployment group's deployments of the operation window are read from CodeDeploy
    Then the service was up throughout every deployment and rollback

  @SC-DEPLOY-3 @production
  Scenario: Every rollback the window needed succeeded
    When the deployment group's deployments of the operation window are read from CodeDeploy
    Then every rollback succeeded

  @SC-OPS-2 @production
  Scenario: Every backup job of the window completed
    When the vault's backup jobs of the operation window are read from AWS Backup
    Then backups ran in the window and every one that finished completed
