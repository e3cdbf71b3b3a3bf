@US-4 @security
Feature: OWASP Top 10 (2021): broken access control and authentication failures, against the running service
  Each scenario is named by its category. Access control is a matrix: every endpoint the service lists to an
  operator (its own /actuator/mappings, so a new endpoint cannot be forgotten) as every role (anonymous, member,
  prayer team, moderator, support, operator) with the caller's own id, another member's id, an unknown id and
  another listing's cursor; the expected status of each is in one table (verification/src/main/resources/
  security/access-matrix.yaml), and no answer may show a member what belongs to another, as the data store holds
  it. Authentication: tokens that are unsigned, of another algorithm, signed with a retired key, expired, not yet
  valid, of another issuer or audience, without a subject or of the wrong scope are refused with a reason, and an
  erased member's token, replayed, reads nothing back. (A03 and A05 for malformed requests: hostile-input.feature.)

  @NFR-SEC-5 @SC-SEC-2 @local @owasp
  Scenario: A01 Broken access control: every endpoint, as every role, with its own id, another member's id, an unknown id and another listing's cursor
    Given two members, each with conversations, a prayer and a crisis escalation that carry a marker of their own
    And the access matrix covers every endpoint the service lists to an operator
    When every endpoint of the matrix is called as every role with every kind of id
    Then every call got the status the matrix expects for its role and kind of id
    And no answer to a member or to an anonymous caller holds another member's markers or ids, as the data store holds them
    And the other member's data is still in the data store

  @NFR-SEC-5 @local @owasp
  Scenario: A07 Identification and authentication failures: flawed tokens are refused with a reason, and an erased member's token reads nothing back
    Given a member with a conversation that carries a marker of their own
    When the member's export is asked for with each flawed token
    Then each flawed token is refused with its status and a problem saying why, without the member's data
    And the erased member's token, replayed, reads nothing of the erased data, in the answers and in the data store
