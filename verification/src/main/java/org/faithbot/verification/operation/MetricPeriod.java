package org.faithbot.verification.operation;

import java.time.Duration;
import java.time.Instant;

/**
 * One period of the load balancer's metrics: the requests it answered, those answered 5xx (by the targets and by the
 * balancer itself), and the fewest healthy targets seen in the period (null: CloudWatch has no datapoint for it).
 */
public record MetricPeriod(Instant start, Duration length, double requests, double serverErrors, Double healthyHosts) {

    /**
     * Whether the service was down in this period: no healthy target (or no datapoint saying there was one: an
     * absent health metric is counted as down, as the system-down alarm treats missing data as breaching), or at
     * least {@code downErrorShare} of its requests answered 5xx.
     */
    public boolean down(double downErrorShare) {
        if (healthyHosts == null || healthyHosts < 1) {
            return true;
        }
        return requests > 0 && serverErrors / requests >= downErrorShare;
    }
}
