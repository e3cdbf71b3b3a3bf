package org.faithbot.verification.deployment;

import java.util.Collection;
import java.util.Map;

/** Live metrics of the servers behind the balancer: cumulative, so that two readings give a window. */
public interface MetricsSource {

    Map<String, ServerMetrics> read(Collection<String> servers);
}
