package org.faithbot.verification.load;

import io.gatling.javaapi.core.Simulation;
import org.faithbot.verification.load.LoadSettings.Feature;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One load to run: which simulation, with which settings, and the window of the run (from the
 * first arrival) over which the injector's own cost is sampled. Every load is bounded: by its
 * injection profile, by the simulation's maxDuration, and by {@link #timeout()} after which the
 * harness kills the Gatling JVM.
 *
 * @param conditions the load in words, for the evidence ("1000 concurrent users, weighted mix, 40 s plateau")
 */
public record LoadPlan(String name, Class<? extends Simulation> simulation, Map<String, String> properties,
                       Duration steadyFrom, Duration steadyTo, Duration timeout, String maxHeap, String conditions) {

    /** Closed model: {@code users} concurrent users on the weighted mix, ramped in, then held. */
    public static LoadPlan concurrentUsers(int users, Duration ramp, Duration hold, Set<Feature> features) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("load.users", Integer.toString(users));
        properties.put("load.ramp-seconds", Long.toString(ramp.toSeconds()));
        properties.put("load.hold-seconds", Long.toString(hold.toSeconds()));
        properties.put("load.features", names(features));
        String conditions = String.format("%d concurrent users (closed model), weighted mix [%s], ramp %d s, plateau %d s, think time 5-15 s between chat messages, 2-6 s between other steps",
                users, String.join(", ", Journeys.describeMix(features)), ramp.toSeconds(), hold.toSeconds());
        return new LoadPlan("users-" + users, MixedLoadSimulation.class, properties, ramp, ramp.plus(hold),
                ramp.plus(hold).plusMinutes(3), users > 1000 ? "1536m" : "1g", conditions);
    }

    /**
     * A production day compressed ({@link DaySimulation}): the day's members arriving along its curve, each registering
     * and taking one of the day's journeys, and the staff working their queues; the injector's cost is sampled over
     * the whole day.
     */
    public static LoadPlan productionDay(ProductionDay day, Set<Feature> features) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("load.members", Integer.toString(day.members()));
        properties.put("load.day-seconds", Long.toString(day.length().toSeconds()));
        properties.put("load.features", names(features));
        String conditions = day.describe() + "; each member registers with consents, then one journey: chat 43 % (1-2 messages,"
                + " 4 in 10 rate the reply), crisis language 1 %, web page and verse, a question, the verse revalidated 20 %, prayer connect 17 %"
                + " (1 in 20 reports a community prayer), browsing conversations 12 %, export 5 %, export and erase 2 %;"
                + " 6-14 s between steps; 3 prayer team members, a moderator and a support agent working their queues all day";
        return new LoadPlan("production-day", DaySimulation.class, properties, Duration.ZERO, day.length(),
                day.length().plusMinutes(4), "1536m", conditions);
    }

    /** Open model: arrivals at each rate of the ladder (per second), each held for {@code level}; one rate is a sustained-throughput test. */
    public static LoadPlan arrivalRates(String name, List<Double> rates, Duration rampIn, Duration level, Set<Feature> features) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("load.levels", rates.stream().map(r -> String.format("%.0f", r)).collect(Collectors.joining(",")));
        properties.put("load.level-seconds", Long.toString(level.toSeconds()));
        properties.put("load.ramp-seconds", Long.toString(rampIn.toSeconds()));
        properties.put("load.features", names(features));
        properties.put("load.stop-when-broken", Boolean.toString(rates.size() > 1));
        Duration total = rampIn.plus(level.multipliedBy(rates.size())).plusSeconds(2L * (rates.size() - 1));
        String conditions = rates.size() == 1
                ? String.format("open model: %.0f arrivals/s, each one chat message, held %d s after a %d s ramp",
                rates.getFirst(), level.toSeconds(), rampIn.toSeconds())
                : String.format("open model: arrival rates %s /s, each one chat message, each level held %d s, stopped at the first level breaking the SLOs",
                properties.get("load.levels"), level.toSeconds());
        return new LoadPlan(name, ArrivalRateSimulation.class, properties, rampIn, total, total.plusMinutes(3), "1536m", conditions);
    }

    /**
     * The issue-3 benchmark: {@code clients} clients sending chat messages back to back for {@code hold},
     * after the same load for {@code warmUp} in the same injector (not judged). The injector's and the
     * target's costs are sampled over the judged part.
     */
    public static LoadPlan chatBenchmark(int clients, Duration hold, Duration warmUp) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("load.users", Integer.toString(clients));
        properties.put("load.hold-seconds", Long.toString(hold.toSeconds()));
        properties.put("load.warm-up-seconds", Long.toString(warmUp.toSeconds()));
        String conditions = clients + " clients sending chat messages back to back (closed model, no think time) for "
                + hold.toSeconds() + " s" + (warmUp.isPositive()
                        ? ", after the same load for " + warmUp.toSeconds() + " s as a warm-up (not judged)" : "");
        return new LoadPlan("benchmark-" + clients, ChatBenchmarkSimulation.class, properties,
                warmUp.plusSeconds(5), warmUp.plus(hold), warmUp.plus(hold).plusMinutes(3), "1g", conditions);
    }

    /**
     * The benchmark's ceiling: the same {@code clients} calling the service's liveness probe back to back (through the
     * balancer; no table, no reply) for {@code hold}, after the same for {@code warmUp}.
     */
    public static LoadPlan ceilingBenchmark(int clients, Duration hold, Duration warmUp) {
        return chatBenchmark(clients, hold, warmUp).named("ceiling-" + clients).withProperty("load.endpoint", "ceiling")
                .withConditions(clients + " clients calling GET /actuator/health/liveness back to back (closed model, no think time) for "
                        + hold.toSeconds() + " s, after the same for " + warmUp.toSeconds() + " s as a warm-up (not judged)");
    }

    public LoadPlan withConditions(String otherConditions) {
        return new LoadPlan(name, simulation, properties, steadyFrom, steadyTo, timeout, maxHeap, otherConditions);
    }

    /** The same load under another name (its report and log are named after it). */
    public LoadPlan named(String otherName) {
        return new LoadPlan(otherName, simulation, properties, steadyFrom, steadyTo, timeout, maxHeap, conditions);
    }

    public LoadPlan withProperty(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(properties);
        copy.put(key, value);
        return new LoadPlan(name, simulation, copy, steadyFrom, steadyTo, timeout, maxHeap, conditions);
    }

    private static String names(Collection<Feature> features) {
        return features.stream().map(f -> f.name().toLowerCase()).collect(Collectors.joining(","));
    }
}
