package org.faithbot.verification.load;

import org.faithbot.verification.local.LocalTarget;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The loads the performance specs' sentences name, for one scenario: the standard loads (shared by every scenario
 * that judges them) when the sentence names one, a load of its own otherwise; and the latency fault a scenario
 * plans for its next load (every instance stalls, unnoticed by the balancer), injected when that load starts and
 * undone when it ends, or at the latest when the scenario ends ({@link #close()}).
 */
public final class SpecLoads implements AutoCloseable {

    private final Supplier<SharedLoads> loads;
    private PlannedStall planned;
    private LatencyFault active;
    private LatencyFault lastFault;

    /** @param loads the run's loads, asked for when a load is made (the target starts then, not before) */
    public SpecLoads(Supplier<SharedLoads> loads) {
        this.loads = loads;
    }

    private record PlannedStall(Duration after, Duration stall) {
    }

    /**
     * {@code users} members at once: twice the expected load, or a load of its own.
     *
     * @throws NotMeasurable when more than the expected load is asked of a profile that does not carry it
     */
    public MeasuredLoad concurrentUsers(int users) {
        LoadProfile profile = LoadProfile.current();
        if (users > LoadProfile.EXPECTED_USERS && !profile.carriesMoreThanTheExpectedLoad()) {
            throw new NotMeasurable(users + " members are measured by the main job (bin/launch-readiness) only: with two"
                    + " local instances on this machine's two shared cores the result depends on the machine more than on the"
                    + " service (0 errors on a quiet machine, up to 4 % in runs after other loads), and the tests (bin/test, the CI)"
                    + " must not pass or fail on that");
        }
        return switch (users) {
            case 2 * LoadProfile.EXPECTED_USERS -> StandardLoads.doubled(loads.get());
            default -> loads.get().shared("users-" + users,
                    features -> LoadPlan.concurrentUsers(users, profile.usersRamp(), profile.usersHold(), features.available()));
        };
    }

    /** The production day, compressed: the expected load, shared by every scenario that names it. */
    public MeasuredLoad productionDay() {
        return StandardLoads.expected(loads.get());
    }

    /** Members arriving at {@code rate} per second: the sustained load when it is the profile's rate and no fault is planned. */
    public MeasuredLoad arrivals(int rate) {
        LoadProfile profile = LoadProfile.current();
        if (rate == (int) profile.sustainedRate() && planned == null) {
            return StandardLoads.sustained(loads.get());
        }
        return arrivals(rate, (int) profile.sustainedHold().toSeconds());
    }

    /** Members arriving at {@code rate} per second for {@code seconds}, a load of its own, under the planned fault if any. */
    public MeasuredLoad arrivals(int rate, int seconds) {
        PlannedStall fault = planned;
        planned = null;
        lastFault = null;
        SharedLoads shared = loads.get();
        try {
            return shared.fresh(
                    features -> LoadPlan.arrivalRates("arrivals-" + rate + (fault == null ? "" : "-under-fault"), List.of((double) rate),
                            Duration.ofSeconds(2), Duration.ofSeconds(seconds), features.available()),
                    () -> {
                        if (fault != null) {
                            lastFault = LatencyFault.inject(LocalTarget.of(shared.target()), fault.after(), fault.stall(), Duration.ofMillis(1500));
                            active = lastFault;
                        }
                    });
        } finally {
            if (lastFault != null) {
                lastFault.close();
                active = null;
            }
        }
    }

    /** The capacity search: a rising ladder of arrival rates. */
    public MeasuredLoad capacitySearch() {
        if (!LoadProfile.current().searchesCapacity()) {
            throw new NotMeasurable("the capacity search runs in the main job (bin/launch-readiness) and in bin/benchmark; the tests"
                    + " (bin/test, the CI) judge NFR-PERF-3 by the sustained rate and spend the search's minute and a half on the production day");
        }
        return StandardLoads.capacity(loads.get());
    }

    /** Every instance will stall for {@code stall}, {@code after} into the next load, unnoticed by the balancer. */
    public void stallEveryInstance(Duration after, Duration stall) {
        planned = new PlannedStall(after, stall);
    }

    /** The latency fault injected during the last load, described. */
    public Optional<String> faultInLastLoad() {
        return Optional.ofNullable(lastFault).map(LatencyFault::describe);
    }

    /** Undoes a fault still active (its load ended without undoing it). */
    @Override
    public void close() {
        if (active != null) {
            active.close();
            active = null;
        }
    }
}
