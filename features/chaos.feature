@US-1 @chaos
Feature: Fault-injection experiments: the service keeps its steady state through real faults
  A game day runs every experiment of chaos-experiments/ against the target, one after the other,
  under one background Gatling load (members chatting through the balancer for the whole game
  day). Each experiment is data: its steady-state hypothesis (error rate and p95 measured
  continuously, every acknowledged message kept), its fault as an AWS FIS template and as its local
  equivalent, its stop conditions and its recovery bound. The same engine runs them all: it checks
  the steady state, injects the fault, watches it (aborting when a stop condition is in alarm),
  rolls it back, and verifies the service is back within the bound. Locally the faults are real
  (processes killed or frozen, the database frozen, in-app assaults, a slow or failing model, a
  drained backend, CPU and memory stress); in staging they are AWS FIS experiments, started only
  when their guard rails allow it. Each experiment reports its time to recover (MTTR), its error
  rate and p95 during the fault, its lost writes (always zero) and a resilience score
  (docs/chaos.md says how it is computed).

  Background:
    Given the game day has begun, under its background load

  @NFR-AVAIL-2 @staging @destructive
  Scenario: Every FIS experiment template passes its guard rails before the game day
    Then every experiment's FIS template passes the guard rails

  @NFR-AVAIL-2 @AC-1.4 @local @destructive
  Scenario: A backend drained at the balancer goes unnoticed and comes back at once
    When the experiment "backend-drained" is run
    Then its steady-state hypothesis held

  @NFR-AVAIL-2 @AC-1.4 @local @staging @destructive
  Scenario: A frozen instance is taken out of rotation and put back when it resumes
    When the experiment "instance-frozen" is run
    Then its steady-state hypothesis held

  @NFR-AVAIL-2 @NFR-PERF-1 @local @staging @destructive
  Scenario: Chat stays within its latency objective while an instance is starved of CPU
    When the experiment "cpu-stress" is run
    Then its steady-state hypothesis held

  @NFR-AVAIL-2 @NFR-PERF-1 @local @destructive
  Scenario: Chat stays within its latency objective beside a memory hog
    When the experiment "memory-pressure" is run
    Then its steady-state hypothesis held

  @NFR-AVAIL-2 @local @staging @destructive
  Scenario: The service fails fast while the database does not answer, and recovers by itself
    When the experiment "database-unresponsive" is run
    Then its steady-state hypothesis held

  @NFR-AVAIL-2 @NFR-PERF-1 @local @staging @destructive
  Scenario: Chat keeps answering within 3 s while the model is slow
    When the experiment "model-slow" is run
    Then its steady-state hypothesis held

  @NFR-AVAIL-2 @NFR-PERF-1 @local @staging @destructive
  Scenario: Chat keeps answering while the model is down
    When the experiment "model-down" is run
    Then its steady-state hypothesis held

  @NFR-AVAIL-2 @NFR-PERF-1 @local @staging @destructive
  Scenario: Chat stays within its latency objective while the database is slow
    When the experiment "database-latency" is run
    Then its steady-state hypothesis held

  @NFR-AVAIL-2 @local @staging @destructive
  Scenario: Database errors stay contained and the service recovers when they stop
    When the experiment "database-errors" is run
    Then its steady-state hypothesis held

  @NFR-AVAIL-2 @AC-1.4 @local @staging @destructive
  Scenario: A killed instance is replaced while the others carry the load, and nothing acknowledged is lost
    When the experiment "instance-killed" is run
    Then its steady-state hypothesis held

  @AC-3.4 @AC-3.5 @NFR-OPS-1 @NFR-OPS-5 @SC-OPS-1 @local @staging @destructive
  Scenario: The monitoring pages every fault that takes an instance out or breaks the steady state, and stays silent for the others
    Then every experiment so far paged the alerts it expects within its bound, each acknowledged by the on-call, and no other alert paged

  @NFR-AVAIL-2 @local @staging @destructive
  Scenario: The game day reports every experiment's recovery time, error rate and lost writes
    When the game day ends
    Then at least 6 experiments ran under load, each reporting its MTTR, its error rate during the fault and its lost writes
