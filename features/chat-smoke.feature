@US-3
Feature: Chat smoke
  The quickest proof that the service works end to end through the balancer: a user asks for
  encouragement and gets a reply with a scripture reference, every time, quickly. The latency is
  measured and kept as evidence (one user, requests one after another; the load specs measure it
  under 1000 users).

  @smoke @NFR-PERF-1 @local @staging @production
  Scenario: A user gets a motivational reply carrying a scripture reference
    Given a new user "Samuel"
    When he sends 20 chat messages one after another
    Then every reply carries an encouraging text and a scripture reference
    And the chat latency p95 is below 3000 ms
