@US-1 @health-routing
Feature: Only healthy instances receive traffic
  The load balancer checks every instance's readiness probe and sends requests only to instances
  that pass it. An instance that fails its health check gets nothing, and the users never notice:
  the healthy instances answer every request.

  @AC-1.4 @local @destructive
  Scenario: An instance that fails its readiness check is taken out of rotation while the other serves every request
    Given the balancer sees every instance healthy
    When instance "s2" starts failing its readiness check
    Then the balancer takes "s2" out of rotation within 5 seconds
    When 200 chat requests are sent through the balancer
    Then every request is answered successfully
    And every request was served by "s1"
    And "s2" received none of them, by the balancer's count and by its own
    When instance "s2" passes its readiness check again
    Then the balancer puts "s2" back into rotation within 5 seconds
