@US-4 @security
Feature: Fuzzed requests, mutated from the service's own API description, are answered as promised
  The service describes its API in OpenAPI (/v3/api-docs). The fuzzer reads that description, makes a valid
  request of each operation (its path and query parameters, its headers, a body of its schema, a member's token)
  and mutates it at the HTTP level: methods, paths, query strings, headers with odd bytes, repeated and long
  headers, tokens, content types and encodings, and bodies of other types, sizes, nesting and encodings. The
  mutations come from a seed, printed and recorded: -Dverification.fuzz.seed=<seed> sends the same requests
  again. The main job sends 100,000 requests, the tests 10,000 (-Dverification.fuzz.requests= overrides), spread
  over both instances on kept-alive connections and over 200 members (a member's flood is answered 429, a problem,
  by the per-member rate limit). Each answer is judged by the hostile-input spec's checks.

  @NFR-SEC-5 @local @fuzz
  Scenario: OWASP A03 and A05 under fuzzing: no fuzzed request gets a server error, a stack trace, a refusal without a problem or an answer without the promised headers, and none leaves a trace in the logs
    Given the service's OpenAPI description, as an instance serves it
    When the fuzzer sends its seeded mutations of the description's valid requests to every service instance
    Then the fuzzer sent its whole budget of requests
    And no fuzzed request was answered with a server error, or not at all
    And no answer to a fuzzed request holds a stack trace or a class name
    And every answer to a fuzzed request carries the promised headers
    And every refusal of a fuzzed request is a problem with its reason
    And no line of any instance's log holds the fuzzed texts
    And every instance is still ready
