package org.faithbot.verification.deployment;

import java.util.Collection;

/**
 * What a server did, cumulatively or over a window: responses and failed ones by the balancer's
 * count, and the chat requests' latency histogram by the instance's own metrics.
 */
public record ServerMetrics(long responses, long errors, LatencyHistogram chatLatency) {

    public static final ServerMetrics NONE = new ServerMetrics(0, 0, LatencyHistogram.EMPTY);

    public ServerMetrics minus(ServerMetrics earlier) {
        return new ServerMetrics(responses - earlier.responses, errors - earlier.errors, chatLatency.minus(earlier.chatLatency));
    }

    public ServerMetrics plus(ServerMetrics other) {
        return new ServerMetrics(responses + other.responses, errors + other.errors, chatLatency.plus(other.chatLatency));
    }

    public double errorPercent() {
        return responses == 0 ? 0 : 100.0 * errors / responses;
    }

    public static ServerMetrics sum(Collection<ServerMetrics> metrics) {
        return metrics.stream().reduce(NONE, ServerMetrics::plus);
    }
}
