package org.faithbot.verification.load;

import org.faithbot.verification.local.CdnCounters;
import org.faithbot.verification.traffic.ProbeTimeline;

/**
 * A load run with what surrounded it: the service features it could exercise (and those it could
 * not), the service's own metrics over the run (local target only; null elsewhere), what the
 * steady-state probe saw through the public entry point during it (null when no probe ran beside it),
 * and the local CDN's counters over the run (local target only; null elsewhere).
 */
public record MeasuredLoad(LoadRun run, ServiceFeatures features, ServiceMetrics.Delta serviceMetrics, ProbeTimeline probe,
                           CdnCounters cdn) {

    public MeasuredLoad(LoadRun run, ServiceFeatures features, ServiceMetrics.Delta serviceMetrics) {
        this(run, features, serviceMetrics, null, null);
    }

    public String conditions() {
        return run.plan().conditions();
    }
}
