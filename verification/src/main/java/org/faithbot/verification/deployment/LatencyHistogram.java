package org.faithbot.verification.deployment;

import org.faithbot.verification.http.PrometheusText;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * A cumulative latency histogram as Micrometer exposes it to Prometheus
 * ({@code http_server_requests_seconds_bucket{uri=...,le=...}}, summed over the other labels): the
 * difference of two scrapes is the histogram of the requests in between, and its p95 the live p95.
 *
 * @param buckets upper bound in seconds (+Inf as {@link Double#POSITIVE_INFINITY}) to the cumulative count
 */
public record LatencyHistogram(NavigableMap<Double, Double> buckets) {

    public static final LatencyHistogram EMPTY = new LatencyHistogram(new TreeMap<>());

    public LatencyHistogram {
        buckets = new TreeMap<>(buckets);
    }

    /** The histogram of {@code metric} (a {@code _bucket} series) for the requests whose labels include {@code labels}. */
    public static LatencyHistogram parse(String exposition, String metric, Map<String, String> labels) {
        TreeMap<Double, Double> buckets = new TreeMap<>();
        for (PrometheusText.Sample sample : PrometheusText.parse(exposition).samples(metric, labels)) {
            String le = sample.labels().get("le");
            if (le != null) {
                double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                buckets.merge(bound, sample.value(), Double::sum);
            }
        }
        return new LatencyHistogram(buckets);
    }

    /** The requests counted since {@code earlier} (an earlier scrape of the same process). */
    public LatencyHistogram minus(LatencyHistogram earlier) {
        TreeMap<Double, Double> difference = new TreeMap<>();
        buckets.forEach((bound, count) -> difference.put(bound, Math.max(0, count - earlier.buckets.getOrDefault(bound, 0.0))));
        return new LatencyHistogram(difference);
    }

    public LatencyHistogram plus(LatencyHistogram other) {
        TreeMap<Double, Double> sum = new TreeMap<>(buckets);
        other.buckets.forEach((bound, count) -> sum.merge(bound, count, Double::sum));
        return new LatencyHistogram(sum);
    }

    public long count() {
        return buckets.isEmpty() ? 0 : Math.round(buckets.lastEntry().getValue());
    }

    /** The p-th percentile in milliseconds, interpolated linearly within its bucket; NaN when empty. */
    public double percentileMillis(double percentile) {
        long total = count();
        if (total == 0) {
            return Double.NaN;
        }
        double rank = total * percentile / 100.0;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= rank) {
                if (bucket.getKey().isInfinite()) {
                    return lowerBound * 1000; // beyond the largest finite bound: report that bound
                }
                double inBucket = bucket.getValue() - lowerCount;
                double fraction = inBucket <= 0 ? 1 : (rank - lowerCount) / inBucket;
                return (lowerBound + fraction * (bucket.getKey() - lowerBound)) * 1000;
            }
            lowerBound = bucket.getKey().isInfinite() ? lowerBound : bucket.getKey();
            lowerCount = bucket.getValue();
        }
        return lowerBound * 1000;
    }

    /**
     * The requests as a sample of latencies in milliseconds, for {@link org.faithbot.verification.comparison.LatencyComparison}:
     * each bucket's requests spread evenly across it (as {@link #percentileMillis} interpolates), those beyond the largest
     * finite bound at that bound.
     */
    public double[] samplesMillis() {
        double[] samples = new double[(int) count()];
        int next = 0;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            int inBucket = (int) Math.max(0, Math.round(bucket.getValue() - lowerCount));
            for (int i = 0; i < inBucket && next < samples.length; i++) {
                samples[next++] = 1000 * (bucket.getKey().isInfinite() ? lowerBound
                        : lowerBound + (i + 0.5) / inBucket * (bucket.getKey() - lowerBound));
            }
            lowerBound = bucket.getKey().isInfinite() ? lowerBound : bucket.getKey();
            lowerCount = Math.max(lowerCount, bucket.getValue());
        }
        return next == samples.length ? samples : java.util.Arrays.copyOf(samples, next);
    }

    public double p95Millis() {
        return percentileMillis(95);
    }
}
