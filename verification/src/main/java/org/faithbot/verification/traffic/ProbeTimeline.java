package org.faithbot.verification.traffic;

import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The probe's samples in time order, and the steady-state figures of any window of it: error
 * rate, p95 latency, and when the service recovered after a fault.
 */
public record ProbeTimeline(List<ProbeSample> samples) {

    public List<ProbeSample> between(Instant from, Instant to) {
        return samples.stream().filter(s -> !s.startedAt().isBefore(from) && s.startedAt().isBefore(to)).toList();
    }

    public long count(Instant from, Instant to) {
        return between(from, to).size();
    }

    public long failures(Instant from, Instant to) {
        return between(from, to).stream().filter(s -> !s.succeeded()).count();
    }

    /** Failed requests as a percentage of all requests in the window (0 when there were none). */
    public double errorPercent(Instant from, Instant to) {
        long count = count(from, to);
        return count == 0 ? 0 : 100.0 * failures(from, to) / count;
    }

    /** The latencies of the window's requests in milliseconds, failed ones included (a failure is slow too when it is). */
    public double[] latenciesMillis(Instant from, Instant to) {
        return between(from, to).stream().mapToDouble(ProbeSample::latencyMillis).toArray();
    }

    public double p95Millis(Instant from, Instant to) {
        Histogram histogram = new Histogram(3);
        between(from, to).forEach(s -> histogram.recordValue(Math.max(1, Math.round(s.latencyMillis() * 1000))));
        return histogram.getTotalCount() == 0 ? 0 : histogram.getValueAtPercentile(95) / 1000.0;
    }

    /**
     * The start of the first stretch after {@code after} that lasts {@code stable} in which every
     * request succeeded within {@code latencyLimitMillis}: the moment the service had recovered.
     * Empty when the timeline never shows such a stretch (the service did not recover while observed).
     */
    public Optional<Instant> recoveredAt(Instant after, Duration stable, double latencyLimitMillis) {
        List<ProbeSample> tail = samples.stream().filter(s -> !s.startedAt().isBefore(after)).toList();
        Instant candidate = null;
        for (ProbeSample sample : tail) {
            boolean healthy = sample.succeeded() && sample.latencyMillis() <= latencyLimitMillis;
            if (!healthy) {
                candidate = null;
            } else if (candidate == null) {
                candidate = sample.startedAt();
            } else if (!sample.startedAt().isBefore(candidate.plus(stable))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
