@US-3 @performance
Feature: The web page loads quickly on a mobile connection
  Members often open the chatbot on a phone. Its web page must be usable within 2 seconds on a 3G
  connection. The figure judged is the field's reference for it, Lighthouse's: a cold load in headless
  Chromium under Lighthouse's simulated 3G (300 ms round trips, 700 kbps, a CPU 4 times slower, as a
  mid-range phone is), its largest contentful paint and its time to interactive, the median of 3 runs
  (Lighthouse's own advice on its variance). Lighthouse's default mobile profile (Slow 4G) is reported
  beside it, from one run (it is not judged, so its variance does not decide anything). The harness's older figure, Chromium with 150 ms added to each request, is kept as a
  reported figure only: it does not multiply round trips as a real 3G link does, so it flatters the page.

  @NFR-PERF-2 @local @staging
  Scenario: The web page is ready in under 2 seconds on a 3G connection, as Lighthouse measures it
    When Lighthouse loads the chatbot's web page 3 times on its 3G profile and 1 time on its default mobile profile
    Then on 3G the median largest contentful paint is below 2000 ms
    And on 3G the median time to interactive is below 2000 ms
    And the default mobile profile's figures are reported beside them
    And the page's load time in headless Chromium with 150 ms of request latency is reported, not judged
