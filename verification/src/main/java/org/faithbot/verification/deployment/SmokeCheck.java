package org.faithbot.verification.deployment;

import java.util.List;
import java.util.Optional;

/** Smoke journeys against one instance (before it takes traffic) or through the balancer (after a deployment). */
public interface SmokeCheck {

    /**
     * {@code journeys} members each chat once, export their data and erase their account; every
     * answer must succeed and, when {@code expected} is given, come from that release.
     */
    Result journeys(String baseUrl, Release expected, int journeys);

    /** The release label the instance reports in /actuator/info (empty when it has none or does not answer). */
    Optional<String> releaseLabel(String instanceUrl);

    /** Requests off the chat path (export, info) that warm a fresh JVM before it takes traffic; their answers are not judged. */
    void warmUp(String instanceUrl, int requests);

    /**
     * @param versions the X-App-Version values seen
     * @param servedBy the X-Served-By values seen
     */
    record Result(int requests, int failed, List<String> failures, List<String> versions, List<String> servedBy) {

        public boolean passed() {
            return failed == 0 && requests > 0;
        }

        public String describe() {
            return requests + " requests, " + failed + " failed" + (failures.isEmpty() ? "" : " (first: " + failures.getFirst() + ")")
                    + "; versions " + versions.stream().distinct().toList() + ", served by " + servedBy.stream().distinct().sorted().toList();
        }
    }
}
