package org.faithbot.verification.load;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The loads of the performance specs, each run once per run of the specs and shared by every
 * scenario that judges it (see {@link SharedLoads}); durations from the {@link LoadProfile}.
 */
public final class StandardLoads {

    public static final String EXPECTED = "production-day";
    public static final String DOUBLED = "users-2000";
    public static final String SUSTAINED = "sustained-rate";
    public static final String CAPACITY = "capacity-search";

    private StandardLoads() {
    }

    /**
     * The expected load: a production day compressed, its 10,000 members (NFR-SCALE-2) at least 1000 at once at its
     * peaks (NFR-SCALE-1); the scale, latency, error and database criteria all read this one run.
     */
    public static MeasuredLoad expected(SharedLoads loads) {
        return loads.shared(EXPECTED, features -> LoadPlan.productionDay(LoadProfile.current().day(), features.available()), true);
    }

    /** Twice the expected load: 2000 concurrent users on the same mix. */
    public static MeasuredLoad doubled(SharedLoads loads) {
        LoadProfile profile = LoadProfile.current();
        return loads.shared(DOUBLED, features -> LoadPlan.concurrentUsers(2 * LoadProfile.EXPECTED_USERS,
                profile.doubleRamp(), profile.doubleHold(), features.available()));
    }

    /** A constant arrival rate above 100 per second (open model), held. */
    public static MeasuredLoad sustained(SharedLoads loads) {
        LoadProfile profile = LoadProfile.current();
        return loads.shared(SUSTAINED, features -> LoadPlan.arrivalRates(SUSTAINED, List.of(profile.sustainedRate()),
                profile.sustainedRamp(), profile.sustainedHold(), features.available()));
    }

    /** The capacity search: a rising ladder of arrival rates, stopped at the first rung that breaks the SLOs. */
    public static MeasuredLoad capacity(SharedLoads loads) {
        LoadProfile profile = LoadProfile.current();
        return loads.shared(CAPACITY, features -> LoadPlan.arrivalRates(CAPACITY, profile.capacityLadder(),
                Duration.ofSeconds(3), profile.capacityLevel(), features.available()));
    }

    /**
     * Every figure a baseline can hold, with the criterion it serves, the direction that is better and its tolerance;
     * a re-baselining writes each one this run measured (values from the run, tolerances from here unless the
     * baseline it replaces had its own).
     */
    public static List<PerformanceBaseline.Entry> baselineEntries() {
        return List.of(
                new PerformanceBaseline.Entry("day.chat-p95-ms", "NFR-PERF-1", "chat latency p95 over the production day", "ms", Double.NaN, "lower", 50, 100),
                new PerformanceBaseline.Entry("day.p95-ms", "SC-PERF-4", "latency p95 of all requests over the production day", "ms", Double.NaN, "lower", 50, 100),
                new PerformanceBaseline.Entry("day.error-percent", "SC-PERF-1", "error rate over the production day", "%", Double.NaN, "lower", 0, 0.05),
                new PerformanceBaseline.Entry("sustained-rate.chat-p95-ms", "NFR-PERF-3", "chat latency p95 at 120 arrivals per second", "ms", Double.NaN, "lower", 50, 100),
                new PerformanceBaseline.Entry("sustained-rate.ok-per-second", "NFR-PERF-3", "successful requests per second sustained at 120 arrivals per second", "requests/s", Double.NaN, "higher", 10, 0),
                new PerformanceBaseline.Entry("capacity.highest-sustained-rate", "NFR-PERF-3", "highest arrival rate sustained within the SLOs", "requests/s", Double.NaN, "higher", 35, 0));
    }

    /** The figures the baseline holds, by id, from this run's loads (making those not made yet), each with its load's host speed. */
    public static Map<String, PerformanceBaseline.Figure> baselineFigures(SharedLoads loads) {
        Map<String, PerformanceBaseline.Figure> figures = new LinkedHashMap<>();
        LoadRun expected = expected(loads).run();
        HostSpeed expectedHost = expected.hostSpeed();
        GatlingStats stats = expected.stats();
        figures.put("day.chat-p95-ms", new PerformanceBaseline.Figure(
                stats.request(Journeys.CHAT_MESSAGE).map(GatlingStats.RequestStats::p95).orElse(Double.NaN), expectedHost));
        figures.put("day.p95-ms", new PerformanceBaseline.Figure(stats.global().p95(), expectedHost));
        figures.put("day.error-percent", new PerformanceBaseline.Figure(stats.global().errorPercent(), expectedHost));
        LoadRun sustained = sustained(loads).run();
        JsonNode sustainedLevel = sustained.telemetry().path("levels").path(0);
        figures.put("sustained-rate.chat-p95-ms", new PerformanceBaseline.Figure(sustainedLevel.path("p95Millis").asDouble(Double.NaN),
                sustained.hostSpeed()));
        figures.put("sustained-rate.ok-per-second", new PerformanceBaseline.Figure(sustainedLevel.path("okPerSecond").asDouble(Double.NaN),
                sustained.hostSpeed()));
        LoadRun capacity = capacity(loads).run();
        figures.put("capacity.highest-sustained-rate", new PerformanceBaseline.Figure(
                capacity.telemetry().path("highestSustainedRate").asDouble(Double.NaN), capacity.hostSpeed()));
        return figures;
    }
}
