package org.faithbot.verification.load;

import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ServiceInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service's own metrics, read from every instance's /actuator/prometheus (straight, not through
 * the balancer): a snapshot before a load and one after give what the load did, by counter deltas,
 * summed over the instances.
 */
public final class ServiceMetrics {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private ServiceMetrics() {
    }

    /** The metrics of every instance of the local target at one moment. */
    public record Snapshot(Map<String, MetricSamples> byInstance) {
    }

    public static Snapshot take(LocalTarget target) {
        Map<String, MetricSamples> byInstance = new LinkedHashMap<>();
        for (ServiceInstance instance : target.instances()) {
            byInstance.put(instance.name(), MetricSamples.parse(scrape(instance.url() + "/actuator/prometheus")));
        }
        return new Snapshot(byInstance);
    }

    private static String scrape(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What happened between two snapshots: counters' increase, summed over the instances. */
    public record Delta(Snapshot before, Snapshot after) {

        public boolean has(String metric) {
            return after.byInstance().values().stream().anyMatch(m -> m.has(metric));
        }

        public double sum(String metric, Map<String, String> labels) {
            double sum = 0;
            for (Map.Entry<String, MetricSamples> instance : after.byInstance().entrySet()) {
                MetricSamples earlier = before.byInstance().get(instance.getKey());
                sum += instance.getValue().sum(metric, labels) - (earlier == null ? 0 : earlier.sum(metric, labels));
            }
            return sum;
        }

        public Map<String, Double> sumBy(String metric, String label, Map<String, String> labels) {
            Map<String, Double> sums = new LinkedHashMap<>();
            for (Map.Entry<String, MetricSamples> instance : after.byInstance().entrySet()) {
                instance.getValue().sumBy(metric, label, labels).forEach((value, sum) -> sums.merge(value, sum, Double::sum));
                MetricSamples earlier = before.byInstance().get(instance.getKey());
                if (earlier != null) {
                    earlier.sumBy(metric, label, labels).forEach((value, sum) -> sums.merge(value, -sum, Double::sum));
                }
            }
            return sums;
        }
    }
}
