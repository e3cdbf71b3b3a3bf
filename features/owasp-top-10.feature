@US-4 @security
Feature: OWASP Top 10 (2021), category by category, against the running service
  Each scenario is named by its category. Access control (A01) is a matrix: every endpoint the service lists
  to an operator (its own /actuator/mappings, so a new endpoint cannot be forgotten) as every role (anonymous,
  member, prayer team, moderator, support, operator) with the caller's own id, another member's id, an unknown
  id and another listing's cursor; the expected status of each is in one table (verification/src/main/
  resources/security/access-matrix.yaml), and no answer may show a member what belongs to another (beyond what
  the caller itself sent), as the data store holds it. Authentication (A07): tokens that are unsigned, of
  another algorithm, signed with a retired key, expired, not yet valid, of another issuer or audience, without
  a subject or of the wrong scope are refused with a reason, and an erased member's token, replayed, reads
  nothing back. Cryptography (A02): a key too short for HS256 stops an instance at start-up. Design (A04): the
  per-member rate limit holds a flood to its burst and refill, and a write retried at once is applied once.
  Misconfiguration (A05): every class of answer carries the promised headers, a failing release's 5xx
  included. Request forgery (A10): a loopback listener's URLs go into every text, URL-like query parameter and
  proxy header of every operation of the OpenAPI description, as every role, and the listener must hear
  nothing. Elsewhere: A03 and A05 for malformed requests (hostile-input.feature, fuzz.feature), A02's
  encryption and TLS rules (infrastructure.feature), A06 and A08 (pipelines.feature), A09 (security-incident.feature).

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

  @NFR-SEC-5 @local @owasp
  Scenario: A10 Server-side request forgery: no URL a caller sends, in a text, a query parameter or a header, is ever fetched
    Given a listener on loopback that records every connection made to it
    And a member with a conversation, a prayer and an escalation of their own
    When every operation of the service's description is sent as every role with the listener's URLs in every text, URL parameter and proxy header
    Then no request got a server error or went unanswered, and none was redirected to the listener
    And the listener saw no connection, 5 seconds after the last request

  @NFR-SEC-5 @local @owasp
  Scenario: A02 Cryptographic failures: an instance given a token signing key shorter than 256 bits refuses to start, and writes the key nowhere
    When an instance is started with a token signing key of 16 bytes
    Then it exits during start-up, saying the key must be at least 32 bytes
    And its log does not hold the key

  @NFR-SEC-5 @local @owasp
  Scenario: A04 Insecure design: a member's flood is cut by the rate limit while others are served, and a write retried at once is applied once
    When one member sends 2500 requests as fast as 8 connections carry them while another member chats
    Then the flood was cut to the limit by 429 problems that say when to retry, and the other member got every answer
    Given a member who has not chatted yet
    When one chat message is sent 10 times at once under one Idempotency-Key
    Then exactly one turn was written, and every answer is that turn or a 409 asking to retry
    And the same Idempotency-Key with another message is refused with 422

  @NFR-SEC-5 @local @owasp
  Scenario: A05 Security misconfiguration: every class of answer, 2xx, 3xx, 4xx and 5xx, carries the request id, the instance headers and the security headers
    Given an instance of a release whose every chat fails and whose readiness never comes up, beside the serving instances
    When a request of every class of answer is sent to every serving instance, and the failing release's to it
    Then every class of answer, 2xx, 3xx, 4xx and 5xx, came back where expected
    And every answer of every class carries the promised headers and a clean body, and every refusal is a problem with its reason
