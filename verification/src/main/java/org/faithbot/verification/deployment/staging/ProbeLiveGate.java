package org.faithbot.verification.deployment.staging;

import org.faithbot.verification.traffic.ProbeTimeline;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The harness's gate on live traffic in staging: the probe's error rate over the last 15 s. A deployment is
 * stopped once at least 3 of the probe's requests failed in that window and they were more than 1 % of them.
 */
public final class ProbeLiveGate implements AwsDeployments.LiveGate {

    private final Supplier<ProbeTimeline> timeline;
    private final Clock clock;

    public ProbeLiveGate(Supplier<ProbeTimeline> timeline) {
        this(timeline, Clock.systemUTC());
    }

    ProbeLiveGate(Supplier<ProbeTimeline> timeline, Clock clock) {
        this.timeline = timeline;
        this.clock = clock;
    }

    @Override
    public Optional<String> get() {
        Instant to = clock.instant();
        Instant from = to.minusSeconds(15);
        long failures = timeline.get().failures(from, to);
        double percent = timeline.get().errorPercent(from, to);
        return failures >= 3 && percent > 1.0
                ? Optional.of(String.format(Locale.ROOT, "the probe's error rate %.1f %% (%d failed) over the last 15 s", percent, failures))
                : Optional.empty();
    }
}
