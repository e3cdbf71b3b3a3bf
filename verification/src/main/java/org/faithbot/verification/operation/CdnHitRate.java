package org.faithbot.verification.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The CDN's cache hit rate over the operation window, period by period (CloudFront's Requests and CacheHitRate): the
 * window's rate weighs each period's rate by its requests, as the share of all the window's requests served from the
 * cache. A period without a figure is counted, not assumed.
 */
public record CdnHitRate(String distribution, OperationWindow window, Duration period, List<Period> periods, int periodsWithoutFigure) {

    /** A period's requests and the share of them CloudFront served from its cache. */
    public record Period(Instant start, double requests, double hitRatePercent) {
    }

    /** The periods any series has, within the window: those with both figures, and how many lacked one. */
    static CdnHitRate of(String distribution, OperationWindow window, Duration period, Map<Instant, Double> requests,
                         Map<Instant, Double> hitRate) {
        TreeSet<Instant> starts = new TreeSet<>(requests.keySet());
        starts.addAll(hitRate.keySet());
        List<Period> periods = new ArrayList<>();
        int missing = 0;
        for (Instant start : starts) {
            if (!window.contains(start)) {
                continue;
            }
            Double count = requests.get(start);
            Double rate = hitRate.get(start);
            if (count == null || rate == null) {
                missing++;
            } else {
                periods.add(new Period(start, count, rate));
            }
        }
        return new CdnHitRate(distribution, window, period, List.copyOf(periods), missing);
    }

    public double requests() {
        return periods.stream().mapToDouble(Period::requests).sum();
    }

    /** The share of the window's requests served from the cache, in percent; NaN when no request was counted. */
    public double hitRatePercent() {
        double requests = requests();
        return requests == 0 ? Double.NaN : periods.stream().mapToDouble(p -> p.requests() * p.hitRatePercent()).sum() / requests;
    }

    /** The lowest period's rate, in percent; NaN when there was none. */
    public double lowestPeriodPercent() {
        return periods.stream().filter(p -> p.requests() > 0).mapToDouble(Period::hitRatePercent).min().orElse(Double.NaN);
    }

    public String describe() {
        return String.format("CloudFront distribution %s, AWS/CloudFront Requests (Sum) and CacheHitRate (Average) in %d-hour periods over %s:"
                        + " %d periods, %,.0f requests, lowest period %.1f %%, %d periods without a figure; the window's rate weighs each period by its requests",
                distribution, period.toHours(), window, periods.size(), requests(), lowestPeriodPercent(), periodsWithoutFigure);
    }
}
