package org.faithbot.verification.deployment;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

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

    /**
     * What the servers did together between two readings; a latency histogram missing from the later
     * reading (a scrape that failed) counts as none in the window.
     */
    public static ServerMetrics change(Map<String, ServerMetrics> now, Map<String, ServerMetrics> start, Collection<String> servers) {
        ServerMetrics sum = NONE;
        for (String server : servers) {
            ServerMetrics later = now.getOrDefault(server, NONE);
            ServerMetrics earlier = start.getOrDefault(server, NONE);
            LatencyHistogram latency = later.chatLatency().buckets().isEmpty()
                    ? LatencyHistogram.EMPTY : later.chatLatency().minus(earlier.chatLatency());
            sum = sum.plus(new ServerMetrics(later.responses() - earlier.responses(), later.errors() - earlier.errors(), latency));
        }
        return sum;
    }

    /** The balancer's own counters of the servers (no latency: that needs the instances' metrics). */
    public static Map<String, ServerMetrics> counters(Map<String, ServerState> states, Collection<String> servers) {
        Map<String, ServerMetrics> counters = new LinkedHashMap<>();
        for (String server : servers) {
            ServerState state = states.get(server);
            counters.put(server, state == null ? NONE : new ServerMetrics(state.responses(), state.errors(), LatencyHistogram.EMPTY));
        }
        return counters;
    }
}
