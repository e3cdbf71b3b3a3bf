package org.faithbot.verification.operation;

import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.DimensionFilter;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The load balancer's periods from CloudWatch (namespace AWS/ApplicationELB): requests (RequestCount, Sum), 5xx
 * answered by the targets and by the balancer (HTTPCode_Target_5XX_Count, HTTPCode_ELB_5XX_Count, Sum) and the
 * healthy targets (HealthyHostCount, Minimum, per target group; a period's figure is the largest over the groups, as a
 * blue-green deployment keeps one group idle). The balancer's dimension ("app/NAME/ID") is found by its name through
 * ListMetrics unless given.
 */
public final class LoadBalancerMetrics {

    private static final String NAMESPACE = "AWS/ApplicationELB";

    private final CloudWatchClient cloudWatch;

    public LoadBalancerMetrics(CloudWatchClient cloudWatch) {
        this.cloudWatch = cloudWatch;
    }

    /** The balancer's LoadBalancer dimension value: the one given, else the metrics' dimension of the balancer of this name. */
    public String dimension(String loadBalancerName, String given) {
        if (given != null && !given.isBlank()) {
            return given;
        }
        TreeSet<String> found = new TreeSet<>();
        cloudWatch.listMetricsPaginator(ListMetricsRequest.builder().namespace(NAMESPACE).metricName("RequestCount").build())
                .metrics().forEach(m -> m.dimensions().stream().filter(d -> d.name().equals("LoadBalancer"))
                        .map(Dimension::value).filter(v -> v.startsWith("app/" + loadBalancerName + "/")).forEach(found::add));
        if (found.size() != 1) {
            throw new IllegalStateException("load balancer '" + loadBalancerName + "': " + (found.isEmpty() ? "no RequestCount metric in "
                    + NAMESPACE : "several balancers " + found) + "; name it with the environment's alb-dimension setting (app/NAME/ID)");
        }
        return found.first();
    }

    public List<MetricPeriod> periods(String loadBalancer, OperationWindow window, Duration period) {
        List<String> targetGroups = new ArrayList<>();
        cloudWatch.listMetricsPaginator(ListMetricsRequest.builder().namespace(NAMESPACE).metricName("HealthyHostCount")
                        .dimensions(DimensionFilter.builder().name("LoadBalancer").value(loadBalancer).build()).build())
                .metrics().forEach(m -> m.dimensions().stream().filter(d -> d.name().equals("TargetGroup")).map(Dimension::value)
                        .filter(v -> !targetGroups.contains(v)).forEach(targetGroups::add));
        List<MetricDataQuery> queries = new ArrayList<>();
        queries.add(query("requests", "RequestCount", "Sum", period, balancer(loadBalancer)));
        queries.add(query("target5xx", "HTTPCode_Target_5XX_Count", "Sum", period, balancer(loadBalancer)));
        queries.add(query("elb5xx", "HTTPCode_ELB_5XX_Count", "Sum", period, balancer(loadBalancer)));
        for (int i = 0; i < targetGroups.size(); i++) {
            queries.add(query("healthy" + i, "HealthyHostCount", "Minimum", period, balancer(loadBalancer),
                    Dimension.builder().name("TargetGroup").value(targetGroups.get(i)).build()));
        }
        Map<String, Map<Instant, Double>> series = new HashMap<>();
        GetMetricDataRequest request = GetMetricDataRequest.builder().startTime(window.from()).endTime(window.to())
                .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(queries).build();
        for (GetMetricDataResponse page : cloudWatch.getMetricDataPaginator(request)) {
            for (MetricDataResult result : page.metricDataResults()) {
                Map<Instant, Double> values = series.computeIfAbsent(result.id(), k -> new HashMap<>());
                for (int i = 0; i < result.timestamps().size(); i++) {
                    values.merge(result.timestamps().get(i), result.values().get(i), Double::sum);
                }
            }
        }
        return combine(series, targetGroups.size(), window, period);
    }

    /** One period per timestamp any series has: sums of requests and 5xx, the largest healthy figure over the groups. */
    static List<MetricPeriod> combine(Map<String, Map<Instant, Double>> series, int targetGroups, OperationWindow window, Duration period) {
        TreeSet<Instant> starts = new TreeSet<>();
        series.values().forEach(v -> starts.addAll(v.keySet()));
        List<MetricPeriod> periods = new ArrayList<>();
        for (Instant start : starts) {
            if (!window.contains(start)) {
                continue;
            }
            Double healthy = null;
            for (int i = 0; i < targetGroups; i++) {
                Double value = series.getOrDefault("healthy" + i, Map.of()).get(start);
                if (value != null) {
                    healthy = healthy == null ? value : Math.max(healthy, value);
                }
            }
            periods.add(new MetricPeriod(start, period, value(series, "requests", start),
                    value(series, "target5xx", start) + value(series, "elb5xx", start), healthy));
        }
        return periods;
    }

    private static double value(Map<String, Map<Instant, Double>> series, String id, Instant at) {
        return series.getOrDefault(id, Map.of()).getOrDefault(at, 0.0);
    }

    private static Dimension balancer(String loadBalancer) {
        return Dimension.builder().name("LoadBalancer").value(loadBalancer).build();
    }

    private static MetricDataQuery query(String id, String metric, String stat, Duration period, Dimension... dimensions) {
        return MetricDataQuery.builder().id(id).returnData(true).metricStat(MetricStat.builder().stat(stat).period((int) period.toSeconds())
                .metric(Metric.builder().namespace(NAMESPACE).metricName(metric).dimensions(dimensions).build()).build()).build();
    }
}
