@selftest @destructive
Feature: Self-test of the fault-injection experiments
  An experiment whose hypothesis breaks must fail its spec, and say which part broke. Here real
  experiments run on the local target with deliberately breaking configurations: a recovery bound
  shorter than the fault itself (the database stays frozen for 8 s, the bound allows 2 s), and a
  stop condition the fault is bound to set off (with the database frozen, no instance passes its
  readiness check, so the balancer has no healthy host), which must abort the fault and roll it
  back at once; and a fault members see (the database frozen: every request fails) while the alerting
  rule that must page it is removed from Prometheus, which must fail with "no alert". All act on the
  database only, so they run whatever the specs before them did to the instances.

  Scenario: A fault that lasts longer than the recovery bound breaks the hypothesis
    Given the game day has begun, without background load
    When the experiment "database-unresponsive" is run with its recovery bound set to 2 seconds
    Then its steady-state hypothesis held

  Scenario: A stop condition in alarm aborts the fault and breaks the hypothesis
    Given the game day has begun, without background load
    When the experiment "database-unresponsive" is run with its stop conditions set to "alb-no-healthy-hosts"
    Then its steady-state hypothesis held

  Scenario: A fault members see, with its alerting rule removed, breaks the hypothesis with "no alert"
    Given the game day has begun, without background load
    When the experiment "database-unresponsive" is run with its alert rule "HighErrorRate" removed, its page awaited for 20 seconds
    Then its steady-state hypothesis held
