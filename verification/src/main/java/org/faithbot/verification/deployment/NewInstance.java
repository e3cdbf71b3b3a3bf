package org.faithbot.verification.deployment;

import java.time.Instant;

/** An instance a deployment started with the new release, as the gates see it. */
public interface NewInstance {

    String name();

    Release release();

    /** The port it listens on (loopback locally). */
    int port();

    /** Its own URL, past the balancer: for the gates' smoke journeys and metrics. */
    String url();

    Instant launchedAt();

    boolean alive();

    /** HTTP status of its readiness probe, -1 when it does not answer. */
    int readinessStatus();

    /** HTTP status of its liveness probe, -1 when it does not answer. */
    int livenessStatus();

    /** When its liveness probe was first seen answering 200, if it was (by anyone who asked). */
    default java.util.Optional<Instant> liveSince() {
        return java.util.Optional.empty();
    }

    /** The end of its log, for the reasons of a failed gate. */
    String logTail(int lines);
}
