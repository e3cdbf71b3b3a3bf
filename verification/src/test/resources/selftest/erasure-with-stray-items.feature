@selftest @destructive
Feature: Self-test of the erasure spec
  The erasure spec must fail when anything of the user survives. Here a stray item carrying one
  attribute of the user is planted in every table, under keys the service would never look at.

  Scenario: Attributes of the user survive in stray items after erasure
    Given a new user "Grace" who has sent 3 chat messages
    And a stray item carrying one of her attributes is planted in every table of the service
    When she asks for all her data to be erased
    Then the service confirms the erasure of her profile and her 6 messages
    And her export is empty
    And no item in any table of the data store holds any trace of her
