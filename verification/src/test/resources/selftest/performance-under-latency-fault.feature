@selftest @destructive
Feature: Self-test of the load specs
  The chat latency spec must fail when the service gets slow. Here a latency fault is injected while
  members keep arriving: the Chaos Monkey latency assault when the service has it, otherwise every
  instance stalls (frozen, then resumed) while the balancer keeps sending them requests. Every
  instance, because the balancer sends a frozen one only a few requests before it uses the others.

  Scenario: A latency fault during the load pushes the chat p95 over 3 seconds
    Given every instance will stall for 8 seconds, 3 seconds into the next load, unnoticed by the balancer
    When members keep arriving at 40 per second for 16 seconds, each asking one question
    Then the chat p95 under this load is below 3000 ms
