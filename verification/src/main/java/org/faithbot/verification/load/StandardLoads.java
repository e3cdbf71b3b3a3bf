package org.faithbot.verification.load;

import java.time.Duration;
import java.util.List;

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
}
