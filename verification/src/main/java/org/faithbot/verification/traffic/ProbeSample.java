package org.faithbot.verification.traffic;

import java.time.Instant;

/** One request of the probe: when it started, how long it took, and how it was answered (-1: no answer). */
public record ProbeSample(Instant startedAt, double latencyMillis, int status) {

    public boolean succeeded() {
        return status == 200;
    }
}
