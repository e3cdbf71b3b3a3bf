@US-4 @privacy
Feature: GDPR access, portability and erasure, and logs free of personal data
  A user can take away everything the service holds about them (GDPR Art. 15 and 20) and can have
  all of it erased (Art. 17). Erasure is checked twice: through the service, and by reading every
  table of the data store directly, so that no attribute of the user survives anywhere. The service's
  logs serve the operators without holding anyone's personal data: every request is logged under
  its request id, and no line holds a user's id, e-mail, name or words.

  @AC-4.5 @local @staging
  Scenario: A user's export holds everything, and after erasure nothing of them remains anywhere
    Given a new user "Grace" who has sent 3 chat messages
    When she exports her data
    Then the export holds her profile and all 6 messages of her conversation
    When she asks for all her data to be erased
    Then the service confirms the erasure of her profile and her 6 messages
    And her export is empty
    And no item in any table of the data store holds any trace of her

  @NFR-OPS-2 @local
  Scenario: Every request is in the access log under its request id, and no log line holds anything of the user
    Given a new user "Ada" who has sent 3 chat messages
    When she exports her data
    And she asks for all her data to be erased
    Then each of her requests is in the access log of the instance that served it, under its request id
    And no line of any service instance's log holds her e-mail address, name, user id or any of her messages
