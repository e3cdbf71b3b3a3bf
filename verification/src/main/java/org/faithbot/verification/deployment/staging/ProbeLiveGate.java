package org.faithbot.verification.deployment.staging;

import org.faithbot.verification.comparison.ErrorRate;
import org.faithbot.verification.traffic.ProbeTimeline;

import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The harness's gate on live traffic in staging: the probe's error rate over the last 15 s, by the comparison scheme's
 * {@link ErrorRate}. A deployment is stopped once at least 3 of the probe's requests failed in that window and the
 * rate is significantly above 1 % (its Wilson lower bound above it): 3 of 15 stop it, 3 of 299 (1.0 %) do not.
 */
public final class ProbeLiveGate implements AwsDeployments.LiveGate {

    private static final long MIN_FAILURES = 3;
    private static final double MAX_ERROR_PERCENT = 1.0;

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
        ProbeTimeline probe = timeline.get();
        ErrorRate rate = ErrorRate.of(probe.failures(from, to), probe.count(from, to));
        return rate.failures() >= MIN_FAILURES && rate.significantlyAbove(MAX_ERROR_PERCENT)
                ? Optional.of(String.format(Locale.ROOT, "the probe's error rate %s over the last 15 s, significantly above %.0f %%",
                        rate.describe(), MAX_ERROR_PERCENT))
                : Optional.empty();
    }
}
