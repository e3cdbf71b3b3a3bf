Feature: The merge's fixture criteria

  @AC-2.1 @static @local @staging
  Scenario: the files say it
    Given a fixture

  @AC-1.4 @local
  Scenario: the service does it
    Given a fixture

  @AC-1.1 @local
  Scenario: the deployment rehearsed locally
    Given a fixture

  @AC-1.1 @staging
  Scenario: the deployment on staging
    Given a fixture

  @AC-1.1 @staging
  Scenario: the rollback on staging
    Given a fixture

  @AC-5.4 @production
  Scenario: the objectives in production
    Given a fixture
