package org.faithbot.verification.deployment;

import org.faithbot.verification.http.ServiceClient;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The gates' live metrics: per server, the balancer's response and 5xx counters (HAProxy's
 * hrsp_5xx: every request the balancer sent it), and the chat latency histogram from the instance's
 * own {@code /actuator/prometheus} (http_server_requests_seconds_bucket for POST /api/v1/chat).
 */
public final class LiveMetrics implements MetricsSource {

    public static final String CHAT_URI = "/api/v1/chat";
    private static final String FAMILY = "http_server_requests_seconds";
    private static final String HISTOGRAM = FAMILY + "_bucket";

    private final Balancer balancer;
    private final Fleet fleet;

    public LiveMetrics(Balancer balancer, Fleet fleet) {
        this.balancer = balancer;
        this.fleet = fleet;
    }

    @Override
    public Map<String, ServerMetrics> read(Collection<String> servers) {
        Map<String, ServerState> states = balancer.servers();
        Map<String, ServerMetrics> metrics = new LinkedHashMap<>();
        for (String server : servers) {
            ServerState state = states.get(server);
            LatencyHistogram latency = balancer.instanceBehind(server).flatMap(fleet::url).flatMap(LiveMetrics::scrape)
                    .map(text -> LatencyHistogram.parse(text, HISTOGRAM, Map.of("uri", CHAT_URI)))
                    .orElse(LatencyHistogram.EMPTY);
            metrics.put(server, state == null ? ServerMetrics.NONE : new ServerMetrics(state.responses(), state.errors(), latency));
        }
        return metrics;
    }

    private static Optional<String> scrape(String url) {
        // includedNames filters by metric family (http_server_requests_seconds), not by sample name (..._bucket)
        ServiceClient.Reply reply = ServiceClient.prometheus(url, "?includedNames=" + FAMILY, Duration.ofSeconds(5));
        return reply.status() == 200 ? Optional.of(reply.body()) : Optional.empty();
    }
}
