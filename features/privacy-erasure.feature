@US-4 @privacy
Feature: GDPR access, portability and erasure, the CCPA opt-out, the privacy audit trail, and logs free of personal data
  A user can take away everything the service holds about them (GDPR Art. 15 and 20) and can have
  all of it erased (Art. 17). Erasure is checked twice: through the service, and by reading every
  table of the data store directly, so that no attribute of the user survives anywhere. A user can
  opt out of the sale or sharing of their personal information (CCPA), through the API or by the
  browser's Global Privacy Control signal; the opt-out is checked where it must show: in what the
  service shares, on the account in the data store, and in the user's export. Every privacy action
  leaves an entry in the service's privacy audit trail, read in the data store. The service's
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

  @AC-4.5 @NFR-SEC-6 @local
  Scenario: After a user opts out of the sale or sharing of her personal information, none of her chat turns is shared, and the opt-out is kept on her account and in her export
    The service's one sharing with a third party is its analytics events, sent to the analytics
    partner only with the user's consent; each is a line of the serving instance's analytics log under
    the request id of the chat turn that emitted it, which is how each turn is looked up.
    Given a new user "Rosa" registered with consent to analytics
    And she has sent 2 chat messages, each of which the service shared with its analytics partner
    When she opts out of the sale or sharing of her personal information
    And she sends 2 chat messages to the chatbot
    Then the service shared none of her chat turns since the opt-out with its analytics partner
    And her account in the data store records the opt-out, when she made it, and its source "api"
    And her export shows the opt-out, when she made it, its source "api" and its audit entry

  @AC-4.5 @NFR-SEC-6 @local
  Scenario: A browser's Global Privacy Control signal opts the user out, for the turn that carries it and every turn after it
    Given a new user "Lena" registered with consent to analytics
    And she has sent 1 chat message, each of which the service shared with its analytics partner
    When she sends 1 chat message with her browser's Global Privacy Control signal (Sec-GPC: 1)
    And she sends 2 chat messages to the chatbot
    Then the service shared none of her chat turns since the opt-out with its analytics partner
    And her account in the data store records the opt-out, when she made it, and its source "gpc"
    And her export shows the opt-out, when she made it, its source "gpc" and its audit entry

  @NFR-OPS-6 @local
  Scenario: Each privacy action of a user leaves one audit entry saying who, what and when, and no entry holds anything of her
    The privacy audit trail (table privacy-audit) names the user by a keyed pseudonym, never by her id,
    e-mail or name, so that it outlives her erasure without being a trace of her. It is read here
    directly in the data store, each entry found by the request id of the action that wrote it. This
    is the service's own trail; CloudTrail's, in AWS, is not checked here.
    Given a new user "Priscilla" registered with consent to the terms and the privacy policy, and none to analytics
    And she sends 2 chat messages to the chatbot
    When she gives her consent to analytics
    And she opts out of the sale or sharing of her personal information
    And she exports her data
    And she asks for all her data to be erased
    Then each of her privacy actions has one entry in the audit trail in the data store, under the request that made it: who (one pseudonym for her, never her id), what, when, and the instance that served it
    And no entry of the audit trail holds her e-mail address, name, user id or anything she wrote
    And after the erasure the service still shows her the entries of her privacy actions, newest first
