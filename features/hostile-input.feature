@US-4 @security
Feature: Hostile and broken requests are refused with a reason, never a server error
  Every response of the service, a refusal included, carries its request id, the instance's headers and the
  security headers, and every refusal is an RFC 9457 problem saying why, without a stack trace or a class name;
  nothing a caller sends reaches a log line. The catalogue holds the requests that once made the service answer
  500 (a multipart body without a boundary, an emoji in a header, a wildcard Content-Type, invalid UTF-8 in a
  percent-encoding, a path starting with //, a malformed query string, an empty Accept on the metrics, a form body
  with line breaks), and the refusals of the container and the firewall (control bytes in a header, TRACE, a
  body over the limit). Each is sent byte for byte over a socket to every service instance, whose promises these
  are, and through the balancer, which must not turn any into a server error either (its own refusals are the
  balancer's, not the service's, and are judged on their status only).

  @NFR-SEC-5 @local
  Scenario: OWASP A03 and A05 for hostile input: every request of the catalogue is refused with a problem and every promised header, and leaves no trace in the logs
    Given the catalogue of hostile requests, each carrying a text of its own
    When each is sent byte for byte to every service instance and through the balancer
    Then no instance answered one with a server error, nor did the balancer
    And every refusal by an instance is a problem with a reason, free of stack traces and class names
    And every answer of an instance carries the request id, the instance headers and the security headers
    And no line of any instance's log holds the text the hostile requests carried
    And every instance is still ready
