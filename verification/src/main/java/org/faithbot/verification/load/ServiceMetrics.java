package org.faithbot.verification.load;

import org.faithbot.verification.http.PrometheusText;
import org.faithbot.verification.http.ServiceClient;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ServiceInstance;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service's own metrics, read from every instance's /actuator/prometheus (straight, not through
 * the balancer): a snapshot before a load and one after give what the load did, by counter deltas,
 * summed over the instances.
 */
public final class ServiceMetrics {

    private ServiceMetrics() {
    }

    /** The metrics of every instance of the local target at one moment. */
    public record Snapshot(Map<String, PrometheusText> byInstance) {
    }

    public static Snapshot take(LocalTarget target) {
        Map<String, PrometheusText> byInstance = new LinkedHashMap<>();
        for (ServiceInstance instance : target.instances()) {
            byInstance.put(instance.name(), PrometheusText.parse(scrape(instance.url())));
        }
        return new Snapshot(byInstance);
    }

    private static String scrape(String instanceUrl) {
        ServiceClient.Reply reply = ServiceClient.prometheus(instanceUrl, "", Duration.ofSeconds(20));
        if (!reply.answered()) {
            throw new IllegalStateException("cannot read " + instanceUrl + "/actuator/prometheus: " + reply.failure());
        }
        if (reply.status() != 200) {
            throw new IllegalStateException(instanceUrl + "/actuator/prometheus answered " + reply.status());
        }
        return reply.body();
    }

    /** What happened between two snapshots: counters' increase, summed over the instances. */
    public record Delta(Snapshot before, Snapshot after) {

        public boolean has(String metric) {
            return after.byInstance().values().stream().anyMatch(m -> m.has(metric));
        }

        public double sum(String metric, Map<String, String> labels) {
            double sum = 0;
            for (Map.Entry<String, PrometheusText> instance : after.byInstance().entrySet()) {
                PrometheusText earlier = before.byInstance().get(instance.getKey());
                sum += instance.getValue().sum(metric, labels) - (earlier == null ? 0 : earlier.sum(metric, labels));
            }
            return sum;
        }

        public Map<String, Double> sumBy(String metric, String label, Map<String, String> labels) {
            Map<String, Double> sums = new LinkedHashMap<>();
            for (Map.Entry<String, PrometheusText> instance : after.byInstance().entrySet()) {
                instance.getValue().sumBy(metric, label, labels).forEach((value, sum) -> sums.merge(value, sum, Double::sum));
                PrometheusText earlier = before.byInstance().get(instance.getKey());
                if (earlier != null) {
                    earlier.sumBy(metric, label, labels).forEach((value, sum) -> sums.merge(value, -sum, Double::sum));
                }
            }
            return sums;
        }
    }
}
