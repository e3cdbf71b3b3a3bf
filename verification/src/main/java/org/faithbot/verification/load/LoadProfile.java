package org.faithbot.verification.load;

import java.time.Duration;
import java.util.List;

/**
 * How long each load lasts, by the run's {@code verification.profile}: {@code launch} (the main job,
 * bin/launch-readiness) or {@code test} (bin/test, which also runs every other test and must stay
 * within its time budget: shorter plateaus, the same users and rates). Every figure is a real
 * measurement under the stated conditions either way; the conditions say which.
 */
public record LoadProfile(String name, Duration usersRamp, Duration usersHold, Duration doubleRamp, Duration doubleHold,
                          double sustainedRate, Duration sustainedRamp, Duration sustainedHold,
                          List<Double> capacityLadder, Duration capacityLevel, Duration dayLength) {

    /** Arrivals per second and seconds of the warm-up load that precedes the first measured load of a run (not measured). */
    public static final double WARM_UP_RATE = 30;
    public static final Duration WARM_UP = Duration.ofSeconds(10);

    /** The expected load (NFR-SCALE-1) and twice it (NFR-SCALE-5). */
    public static final int EXPECTED_USERS = 1000;

    /** The daily active members a production day must bring at least (NFR-SCALE-2). */
    public static final int DAILY_MEMBERS = 10_000;

    /** The members of the tests' production day: a day this machine kind serves on its slower days too. */
    public static final int TEST_DAY_MEMBERS = 3_500;

    /**
     * The production day of this profile. The main job's: the 10,000 members NFR-SCALE-2 names, over 240 s (62 arrivals/s
     * at the evening peak, more than 1000 members in a visit at once). The tests': 3,500 members over 160 s (33
     * arrivals/s at the peak), because on this machine kind's slower days (a host about 2.5 times slower than on its good
     * ones: the capacity search's 300/s against 700-900/s) the 10,000 over 160 s collapsed (chat p95 20-30 s, 6 % errors,
     * yesterday's code as today's) and over 240 s still queued (p95 3.9 s); the tests judge the day's latency, errors,
     * data and prayers on it, and leave the scale it does not bring (10,000 members, 1000 at once) to the main job.
     */
    public ProductionDay day() {
        return new ProductionDay(playsTheRequiredDay() ? DAILY_MEMBERS : TEST_DAY_MEMBERS, dayLength);
    }

    /** Whether this profile's day brings the members NFR-SCALE-1 and NFR-SCALE-2 name (the main job's does; the tests' is smaller). */
    public boolean playsTheRequiredDay() {
        return !tests();
    }

    /** Rungs of the capacity search (arrivals per second, each one chat message); it stops at the first that breaks the SLOs. */
    private static final List<Double> LADDER = List.of(100.0, 150.0, 200.0, 300.0, 400.0, 550.0, 700.0, 900.0, 1200.0, 1500.0);

    /**
     * Whether this profile runs loads beyond the expected one (twice the expected users): the main job does;
     * the tests do not: with two local instances on two shared cores, how twice the expected load fares depends
     * on the machine's state more than on the service (0 errors in one run, up to 4 % in another), and the CI
     * must not pass or fail on that.
     */
    public boolean carriesMoreThanTheExpectedLoad() {
        return !tests();
    }

    /**
     * Whether this profile searches for the capacity (a rising ladder of arrival rates, about a minute and a half): the
     * main job does, as does bin/benchmark; the tests judge NFR-PERF-3 by the sustained rate alone, and spend that time
     * on the production day instead.
     */
    public boolean searchesCapacity() {
        return !tests();
    }

    /** Whether this is the tests' profile (bin/test), lighter than the main job's where the machine's state would decide. */
    private boolean tests() {
        return "test".equals(name);
    }

    public static LoadProfile current() {
        return of(System.getProperty("verification.profile", "launch"));
    }

    public static LoadProfile of(String name) {
        return switch (name) {
            case "test" -> new LoadProfile("test", Duration.ofSeconds(30), Duration.ofSeconds(25), Duration.ofSeconds(30),
                    Duration.ofSeconds(20), 120, Duration.ofSeconds(10), Duration.ofSeconds(20), LADDER, Duration.ofSeconds(8), Duration.ofSeconds(160));
            default -> new LoadProfile("launch", Duration.ofSeconds(30), Duration.ofSeconds(40), Duration.ofSeconds(30),
                    Duration.ofSeconds(30), 120, Duration.ofSeconds(10), Duration.ofSeconds(30), LADDER, Duration.ofSeconds(10), Duration.ofSeconds(240));
        };
    }
}
