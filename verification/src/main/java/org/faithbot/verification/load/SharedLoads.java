package org.faithbot.verification.load;

import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.target.Target;
import org.faithbot.verification.target.Targets;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Load runs shared between the scenarios that judge them: the 1000-user run is made once and feeds
 * the p95, the error rate, the database times, the cache's effect, the injector's cost and the
 * baseline comparison, each judged by the scenario of its own criterion. A run that failed is not
 * repeated by every scenario that needs it: its failure is.
 */
public final class SharedLoads {

    private static final Map<String, MeasuredLoad> RUNS = new LinkedHashMap<>();
    private static final Map<String, RuntimeException> FAILURES = new LinkedHashMap<>();

    private SharedLoads() {
    }

    /** The run under this key, made now (with the features the target answers for) unless it was made before. */
    public static synchronized MeasuredLoad shared(String key, Target target, Function<ServiceFeatures, LoadPlan> plan) {
        if (FAILURES.containsKey(key)) {
            throw new IllegalStateException("the load '" + key + "' failed earlier in this run", FAILURES.get(key));
        }
        MeasuredLoad run = RUNS.get(key);
        if (run == null) {
            try {
                run = measure(target, plan, () -> { });
            } catch (RuntimeException e) {
                FAILURES.put(key, e);
                throw e;
            }
            RUNS.put(key, run);
        }
        return run;
    }

    /** A run made now and not shared (a scenario of its own, a self-test). */
    public static MeasuredLoad fresh(Target target, Function<ServiceFeatures, LoadPlan> plan, Runnable onLoadStart) {
        return measure(target, plan, onLoadStart);
    }

    public static synchronized Optional<MeasuredLoad> made(String key) {
        return Optional.ofNullable(RUNS.get(key));
    }

    private static boolean warmedUp;

    /**
     * The warm-up below, for a spec that makes its own load (the deployment drills): once per run,
     * whichever spec comes first.
     */
    public static void warmUpOnce(Target target) {
        warmUp(target, ServiceFeatures.probe(target));
    }

    /**
     * Before the first measured load of a run, a short load that is not measured: the service's JIT,
     * connection pools and caches are then as warm as a production instance's, so the first spec does
     * not pay for the cold start alone. Its Gatling report is kept like the others'.
     */
    private static synchronized void warmUp(Target target, ServiceFeatures features) {
        if (warmedUp) {
            return;
        }
        warmedUp = true;
        new GatlingRunner(Targets.projectRoot()).run(LoadPlan.arrivalRates("warm-up", List.of(LoadProfile.WARM_UP_RATE),
                Duration.ofSeconds(5), LoadProfile.WARM_UP, features.available()), target);
    }

    private static MeasuredLoad measure(Target target, Function<ServiceFeatures, LoadPlan> plan, Runnable onLoadStart) {
        ServiceFeatures features = ServiceFeatures.probe(target);
        if (!features.serves()) {
            throw new IllegalStateException("the target does not serve chat before the load (POST /api/v1/chat answered "
                    + features.chatStatus() + "): nothing would be measured but errors; an earlier scenario may have left it without a healthy instance");
        }
        warmUp(target, features);
        boolean local = "local".equals(target.name());
        ServiceMetrics.Snapshot before = local ? ServiceMetrics.take(target.local()) : null;
        Map<String, Long> watched = new LinkedHashMap<>();
        if (local) {
            LocalTarget stack = target.local();
            watched.put("dynalite", stack.localDynamoDb().process().pid());
            stack.instances().forEach(instance -> watched.put(instance.name(), instance.process().pid()));
            watched.put("haproxy", stack.balancer().process().pid());
        }
        LoadRun run = new GatlingRunner(Targets.projectRoot()).run(plan.apply(features), target, onLoadStart, watched);
        ServiceMetrics.Delta metrics = local ? new ServiceMetrics.Delta(before, ServiceMetrics.take(target.local())) : null;
        return new MeasuredLoad(run, features, metrics);
    }
}
