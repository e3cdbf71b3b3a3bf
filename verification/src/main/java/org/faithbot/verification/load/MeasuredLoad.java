package org.faithbot.verification.load;

/**
 * A load run with what surrounded it: the service features it could exercise (and those it could
 * not), and the service's own metrics over the run (local target only; null elsewhere).
 */
public record MeasuredLoad(LoadRun run, ServiceFeatures features, ServiceMetrics.Delta serviceMetrics) {

    public String conditions() {
        return run.plan().conditions();
    }
}
