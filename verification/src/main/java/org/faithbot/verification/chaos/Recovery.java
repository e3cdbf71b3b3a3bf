package org.faithbot.verification.chaos;

import org.faithbot.verification.traffic.ProbeSample;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the service had recovered after a fault, as the probe saw it: the start of the first stretch
 * of at least {@code stable} in which every probe request succeeded within the latency limit, after
 * the last request that failed or was slow. A fault the probe never noticed recovered at once (its
 * start). Computed over everything observed up to {@code observedUntil}.
 */
public final class Recovery {

    /** The probe must have had a request back this recently for a recovery to be judged at all. */
    static final Duration RECENT = Duration.ofMillis(1500);

    private Recovery() {
    }

    public static Optional<Instant> recoveredAt(List<ProbeSample> probe, Instant faultStart, Instant observedUntil, Duration stable,
                                                double latencyLimitMillis) {
        List<ProbeSample> after = probe.stream()
                .filter(s -> !s.startedAt().isBefore(faultStart) && s.startedAt().isBefore(observedUntil)).toList();
        if (after.isEmpty() || Duration.between(after.getLast().startedAt(), observedUntil).compareTo(RECENT) > 0) {
            return Optional.empty(); // no recent request has come back: the probe's users may be waiting on a stuck service
        }
        ProbeSample lastBad = null;
        for (ProbeSample sample : after) {
            if (!healthy(sample, latencyLimitMillis)) {
                lastBad = sample;
            }
        }
        if (lastBad == null) {
            return Duration.between(faultStart, observedUntil).compareTo(stable) >= 0 ? Optional.of(faultStart) : Optional.empty();
        }
        Instant badStart = lastBad.startedAt();
        Optional<ProbeSample> first = after.stream().filter(s -> s.startedAt().isAfter(badStart)).findFirst();
        if (first.isEmpty()) {
            return Optional.empty();
        }
        Instant candidate = first.get().startedAt();
        long healthyAfter = after.stream().filter(s -> !s.startedAt().isBefore(candidate)).count();
        boolean lastedLongEnough = Duration.between(candidate, observedUntil).compareTo(stable) >= 0;
        return lastedLongEnough && healthyAfter >= 2 ? Optional.of(candidate) : Optional.empty();
    }

    static boolean healthy(ProbeSample sample, double latencyLimitMillis) {
        return sample.succeeded() && sample.latencyMillis() <= latencyLimitMillis;
    }
}
