@selftest @destructive
Feature: Self-test of the fault-injection experiments
  An experiment whose hypothesis breaks must fail its spec, and say which part broke. Here real
  experiments run on the local target with deliberately breaking configurations: a recovery bound
  shorter than the fault itself (the database stays frozen for 8 s, the bound allows 2 s), and a
  stop condition the fault is bound to set off (with the database frozen, no instance passes its
  readiness check, so the balancer has no healthy host), which must abort the fault and roll it
  back at once. Both act on the database only, so they run whatever the specs before them did to
  the instances.

  Scenario: A fault that lasts longer than the recovery bound breaks the hypothesis
    Given the game day has begun, without background load
    When the experiment "database-unresponsive" is run with its recovery bound set to 2 seconds
    Then its steady-state hypothesis held

  Scenario: A stop condition in alarm aborts the fault and breaks the hypothesis
    Given the game day has begun, without background load
    When the experiment "database-unresponsive" is run with its stop conditions set to "alb-no-healthy-hosts"
    Then its steady-state hypothesis held
