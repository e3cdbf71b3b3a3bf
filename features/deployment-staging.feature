@US-1 @US-2 @deployment-staging
Feature: Deployment drills on staging: CodeDeploy blue-green and canary, ECS rolling with its circuit breaker
  The same drills as on the local target, against the staging environment in AWS, through the AWS
  SDK. A release is a new revision of the service's task definition that differs only by its
  release label and, for a bad release, its fault switch. Blue-green and canary deployments go
  through CodeDeploy (all at once, or 10 % first), with automatic rollback on failure, alarm and
  stop request; the harness watches the live traffic (a steady-state probe beside a Gatling load)
  and stops a deployment whose error rate rises, and CodeDeploy moves the traffic back to the
  original task set. Rolling deployments go through ECS itself with the deployment circuit breaker
  and its rollback on. The rollback time runs from the detection until AWS reports the previous
  release serving again. These figures exist only when this feature runs against staging
  (-Dtarget=staging); nothing measured on the local target stands in for them.

  @AC-1.5 @AC-2.13 @SC-DEPLOY-1 @SC-DEPLOY-2 @NFR-AVAIL-4 @staging @destructive
  Scenario: Blue-green through CodeDeploy: a good release goes live under load without one failed request
    Given members keep using the chatbot under the drills' background load of 200 members, with the steady-state probe recording every request
    When the good release "staging-drill-good" is deployed through CodeDeploy blue-green
    Then the AWS deployment completed
    And no request failed during the AWS deployment, by the probe's count
    And the AWS deployment took less than 15 minutes

  @AC-1.6 @AC-2.14 @NFR-AVAIL-5 @SC-DEPLOY-3 @staging @destructive
  Scenario: Canary through CodeDeploy: a release failing 30 % of the chat requests is stopped by the live gate and rolled back within 5 minutes
    Given members keep using the chatbot under the drills' background load of 200 members, with the steady-state probe recording every request
    When the bad release "staging-drill-bad", which fails 30 % of chat requests, is deployed through CodeDeploy as a canary
    Then the AWS deployment was stopped and rolled back automatically within 5 minutes of the detection
    And the failed requests the bad release caused on AWS are reported

  @AC-1.6 @AC-2.14 @NFR-AVAIL-5 @SC-DEPLOY-3 @staging @destructive
  Scenario: Rolling through ECS: a release whose readiness never comes up is rolled back by the deployment circuit breaker within 5 minutes
    Given members keep using the chatbot under the drills' background load of 200 members, with the steady-state probe recording every request
    When the bad release "staging-drill-unready", whose readiness never comes up, is rolled out by ECS with the deployment circuit breaker
    Then the AWS deployment was stopped and rolled back automatically within 5 minutes of the detection
    And the failed requests the bad release caused on AWS are reported
