package org.faithbot.verification.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The service's availability over a window, from the load balancer's periods: a period is down when no target was
 * healthy or when at least the critical alarm's share of its requests failed with a 5xx (see {@link MetricPeriod#down});
 * uptime is the share of the window's periods that were up. Periods of the window CloudWatch returned nothing for are
 * down too: an availability that cannot be shown is not assumed.
 */
public record Availability(OperationWindow window, Duration period, long periods, long downPeriods, long periodsWithoutData,
                           double requests, double serverErrors, double downErrorShare, List<MetricPeriod> down,
                           List<Instant> measuredStarts) {

    /** The critical alarm's threshold (terraform/modules/monitoring: more than 5 % of requests answered 5xx). */
    public static final double CRITICAL_ERROR_SHARE = 0.05;

    public static Availability over(OperationWindow window, Duration period, List<MetricPeriod> measured, double downErrorShare) {
        long expected = window.length().toSeconds() / period.toSeconds();
        List<MetricPeriod> inWindow = measured.stream().filter(p -> window.contains(p.start())).toList();
        long withoutData = Math.max(0, expected - inWindow.size()) + inWindow.stream().filter(p -> p.healthyHosts() == null).count();
        List<MetricPeriod> down = inWindow.stream().filter(p -> p.down(downErrorShare)).toList();
        long downPeriods = down.size() + Math.max(0, expected - inWindow.size());
        return new Availability(window, period, expected, downPeriods, withoutData,
                inWindow.stream().mapToDouble(MetricPeriod::requests).sum(),
                inWindow.stream().mapToDouble(MetricPeriod::serverErrors).sum(), downErrorShare, down,
                inWindow.stream().map(MetricPeriod::start).toList());
    }

    /** Uptime in percent of the window's periods. */
    public double uptimePercent() {
        return periods == 0 ? 0 : 100.0 * (periods - downPeriods) / periods;
    }

    public Duration downtime() {
        return period.multipliedBy(downPeriods);
    }

    /** The share of requests answered 5xx, in percent (NaN when no request was answered). */
    public double errorRatePercent() {
        return requests == 0 ? Double.NaN : 100.0 * serverErrors / requests;
    }

    /** Whether any period between these instants was down (a deployment's window, say). */
    public boolean downBetween(Instant from, Instant to) {
        return Incidents.of(this).incidents().stream().anyMatch(i -> i.start().isBefore(to) && i.end().isAfter(from));
    }

    public String describe() {
        return String.format(java.util.Locale.ROOT, "%d periods of %d min over %s: %d down (%s; no datapoint: %d), %.0f requests, %.0f "
                        + "answered 5xx; a period is down with no healthy target or >= %.0f %% of its requests 5xx",
                periods, period.toMinutes(), window, downPeriods, downtime(), periodsWithoutData, requests, serverErrors, downErrorShare * 100);
    }
}
