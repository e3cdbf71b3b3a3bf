@US-3 @satisfaction
Feature: Members rate the replies; the ratings are the satisfaction figure
  SC-PERF-2 asks for an average rating above 4.0 of 5 from real members: only production shows it, from the
  service's chat_rating histogram. Here the mechanism is proven on the local target: a member rates a reply (1 to
  5, a comment optional) through PUT /api/v1/conversations/{id}/messages/{messageId}/rating or the buttons under
  each reply on the chat page; the rating is kept on the reply, so it is in the conversation, in the export, and
  goes with the member's erasure; every rating is counted in the histogram.

  @SC-PERF-2 @local
  Scenario: Ratings of replies are kept with the reply, counted in the service's histogram, exported and erased with the member
    Given 10 members who each chat once and rate the reply, scores 1 to 5 in turn, every other one with a comment
    Then each rating is on its reply in the member's conversation and in the member's export
    And the instances' chat_rating histograms counted every rating, and their average is reported
    When the members erase their accounts
    Then no rating or comment of theirs is left in the data store
