package org.faithbot.verification.operation;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.ListMetricsRequest;
import software.amazon.awssdk.services.cloudwatch.model.Metric;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.MetricStat;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The CDN's figures from CloudWatch (namespace AWS/CloudFront, dimensions DistributionId and Region=Global): CloudFront
 * keeps them in us-east-1 whatever the environment's region, and CacheHitRate only while the distribution's additional
 * metrics are on (terraform/modules/cdn turns them on with a monitoring subscription). The distribution is the one
 * given, else the only one with Requests metrics.
 */
public final class CdnMetrics {

    /** Where CloudWatch keeps CloudFront's metrics. */
    public static final Region REGION = Region.US_EAST_1;

    private static final String NAMESPACE = "AWS/CloudFront";

    private final CloudWatchClient cloudWatch;

    /** @param cloudWatch a client in {@link #REGION} */
    public CdnMetrics(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    /** The distribution's id: the one given, else the only DistributionId with Requests metrics. */
    public String distribution(String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        TreeSet<String> found = new TreeSet<>();
        cloudWatch.listMetricsPaginator(ListMetricsRequest.builder().namespace(NAMESPACE).metricName("Requests").build())
                .metrics().forEach(m -> m.dimensions().stream().filter(d -> d.name().equals("DistributionId")).map(Dimension::value)
                        .forEach(found::add));
        if (found.size() != 1) {
            throw new IllegalStateException((found.isEmpty() ? "no Requests metric in " + NAMESPACE + " (" + REGION + ")"
                    : "several distributions " + found) + "; name it with the environment's cloudfront-distribution setting");
        }
        return found.first();
    }

    public CdnHitRate hitRate(String distribution, OperationWindow window, Duration period) {
        Map<String, Map<Instant, Double>> series = new HashMap<>();
        GetMetricDataRequest request = GetMetricDataRequest.builder().startTime(window.from()).endTime(window.to())
                .scanBy(ScanBy.TIMESTAMP_ASCENDING)
                .metricDataQueries(query("requests", "Requests", "Sum", period, distribution),
                        query("hitRate", "CacheHitRate", "Average", period, distribution))
                .build();
        for (GetMetricDataResponse page : cloudWatch.getMetricDataPaginator(request)) {
            for (MetricDataResult result : page.metricDataResults()) {
                Map<Instant, Double> values = series.computeIfAbsent(result.id(), k -> new HashMap<>());
                for (int i = 0; i < result.timestamps().size(); i++) {
                    values.put(result.timestamps().get(i), result.values().get(i));
                }
            }
        }
        return CdnHitRate.of(distribution, window, period, series.getOrDefault("requests", Map.of()), series.getOrDefault("hitRate", Map.of()));
    }

    private static MetricDataQuery query(String id, String metric, String stat, Duration period, String distribution) {
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(MetricStat.builder().stat(stat).period((int) period.toSeconds())
                .metric(Metric.builder().namespace(NAMESPACE).metricName(metric).dimensions(
                        Dimension.builder().name("DistributionId").value(distribution).build(),
                        Dimension.builder().name("Region").value("Global").build()).build()).build()).build();
    }
}
