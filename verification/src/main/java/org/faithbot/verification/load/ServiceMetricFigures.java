package org.faithbot.verification.load;

import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.load.LoadSettings.Feature;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The figures a load is judged by from the service's own metrics (counter deltas over the load, summed over every
 * instance's /actuator/prometheus): DynamoDB operation times and Scans, the cache's hits, the verse responses
 * revalidated (304). A figure the service does not publish yet is {@link NotMeasurable}.
 */
public final class ServiceMetricFigures {

    static final String DYNAMODB_TIMER = "dynamodb_operation_seconds";
    private static final String HTTP_REQUESTS = "http_server_requests_seconds_count";

    private final ServiceMetrics.Delta metrics;
    private final ServiceFeatures features;
    private final String conditions;

    ServiceMetricFigures(ServiceMetrics.Delta metrics, ServiceFeatures features, String conditions) {
        this.metrics = metrics;
        this.features = features;
        this.conditions = conditions;
    }

    /**
     * The service's metrics over {@code load}, its figures measured under {@code conditions}.
     *
     * @throws NotMeasurable when the load has none: they are read from each instance, on the local target only
     */
    public static ServiceMetricFigures of(MeasuredLoad load, String conditions) {
        if (load.serviceMetrics() == null) {
            throw new NotMeasurable("the service's own metrics are read from each instance, on the local target only");
        }
        return new ServiceMetricFigures(load.serviceMetrics(), load.features(), conditions);
    }

    /** The DynamoDB operations timed during the load (reported) and their average time, judged below {@code thresholdMillis}. */
    public List<Figure> dynamoDb(int thresholdMillis) {
        require(DYNAMODB_TIMER + "_count", "the DynamoDB operation timer " + DYNAMODB_TIMER + "{table,operation}");
        double count = metrics.sum(DYNAMODB_TIMER + "_count", Map.of());
        double seconds = metrics.sum(DYNAMODB_TIMER + "_sum", Map.of());
        assertThat(count).as("DynamoDB operations timed during the load").isPositive();
        double averageMillis = 1000.0 * seconds / count;
        Map<String, Double> counts = metrics.sumBy(DYNAMODB_TIMER + "_count", "operation", Map.of());
        Map<String, Double> sums = metrics.sumBy(DYNAMODB_TIMER + "_sum", "operation", Map.of());
        StringBuilder perOperation = new StringBuilder();
        counts.forEach((operation, n) -> {
            if (n > 0) {
                perOperation.append(String.format("%s: %.0f ops, avg %.1f ms; ", operation, n, 1000.0 * sums.getOrDefault(operation, 0.0) / n));
            }
        });
        String how = "counter deltas of " + DYNAMODB_TIMER + " over the load, summed over every instance's /actuator/prometheus; "
                + perOperation + conditions;
        return List.of(Figure.of("DynamoDB operations during the load", count, "operations").when(how),
                Figure.of("average DynamoDB operation time under load", averageMillis, "ms").rounded().lessThan(thresholdMillis).when(how));
    }

    /** The Scans during the load, every request of which is a user-facing (hot) path: judged to be none. */
    public Figure scans() {
        require(DYNAMODB_TIMER + "_count", "the DynamoDB operation timer " + DYNAMODB_TIMER + "{table,operation}");
        double scans = metrics.sumBy(DYNAMODB_TIMER + "_count", "operation", Map.of()).entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("scan")).mapToDouble(Map.Entry::getValue).sum();
        return Figure.of("DynamoDB Scan operations during the user load", scans, "operations").equalTo(0.0)
                .when("every request of the load is a user-facing (hot) path; " + DYNAMODB_TIMER + "{operation=Scan} delta; " + conditions);
    }

    /** The cache hit ratio over the load, judged at least {@code thresholdPercent}. */
    public Figure cacheHitRatio(int thresholdPercent) {
        if (!features.has(Feature.VERSES)) {
            throw new NotMeasurable("not run: the cached verse endpoints (GET /api/v1/verses/daily, /api/v1/verses?topic=) are not on the target ("
                    + features.missing().get(Feature.VERSES) + "), so the load held no cached requests");
        }
        require("cache_gets_total", "the cache metrics cache_gets_total{result=hit|miss}");
        double hits = metrics.sum("cache_gets_total", Map.of("result", "hit"));
        double misses = metrics.sum("cache_gets_total", Map.of("result", "miss"));
        assertThat(hits + misses).as("cache look-ups during the load").isPositive();
        double ratio = 100.0 * hits / (hits + misses);
        return Figure.of("cache hit ratio under load (" + (long) hits + " hits, " + (long) misses + " misses)", ratio, "%").rounded()
                .atLeast(thresholdPercent).when("cache_gets_total deltas over the load, every instance; " + conditions);
    }

    /** The share of verse responses that were 304 Not Modified (revalidated from a client's cache), judged above 0. */
    public Figure notModifiedShare() {
        Map<String, Double> byStatus = new LinkedHashMap<>();
        metrics.sumBy(HTTP_REQUESTS, "uri", Map.of()).keySet().stream()
                .filter(uri -> uri.startsWith("/api/v1/verses"))
                .forEach(uri -> metrics.sumBy(HTTP_REQUESTS, "status", Map.of("uri", uri))
                        .forEach((status, n) -> byStatus.merge(status, n, Double::sum)));
        double total = byStatus.values().stream().mapToDouble(Double::doubleValue).sum();
        assertThat(total).as("verse responses during the load (http_server_requests_seconds_count, uri /api/v1/verses*)").isPositive();
        double notModified = byStatus.getOrDefault("304", 0.0);
        return Figure.of("share of verse responses served from cache (304 Not Modified)", 100.0 * notModified / total, "%").rounded()
                .greaterThan(0.0)
                .when("http_server_requests deltas by status on /api/v1/verses*: " + byStatus + "; revalidations use If-None-Match; " + conditions);
    }

    private void require(String metric, String what) {
        if (!metrics.has(metric)) {
            throw new NotMeasurable("not measurable yet: the service does not publish " + what + " on /actuator/prometheus");
        }
    }
}
