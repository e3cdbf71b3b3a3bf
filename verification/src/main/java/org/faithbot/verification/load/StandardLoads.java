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

    public static final String EXPECTED = "users-1000";
    public static final String DOUBLED = "users-2000";
    public static final String SUSTAINED = "sustained-rate";
    public static final String CAPACITY = "capacity-search";

    private StandardLoads() {
    }

    /** The expected load: 1000 concurrent users on the weighted mix. */
    public static MeasuredLoad expected(SharedLoads loads) {
        LoadProfile profile = LoadProfile.current();
        return loads.shared(EXPECTED, features -> LoadPlan.concurrentUsers(LoadProfile.EXPECTED_USERS,
                profile.usersRamp(), profile.usersHold(), features.available()));
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

    /** The figures the baseline holds, by id, from this run's loads (making those not made yet), each with its load's host speed. */
    public static Map<String, PerformanceBaseline.Figure> baselineFigures(SharedLoads loads) {
        Map<String, PerformanceBaseline.Figure> figures = new LinkedHashMap<>();
        LoadRun expected = expected(loads).run();
        HostSpeed expectedHost = expected.hostSpeed();
        GatlingStats stats = expected.stats();
        figures.put("users-1000.chat-p95-ms", new PerformanceBaseline.Figure(
                stats.request(Journeys.CHAT_MESSAGE).map(GatlingStats.RequestStats::p95).orElse(Double.NaN), expectedHost));
        figures.put("users-1000.error-percent", new PerformanceBaseline.Figure(stats.global().errorPercent(), expectedHost));
        figures.put("users-1000.requests-per-second", new PerformanceBaseline.Figure(stats.global().perSecond(), expectedHost));
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
