package org.faithbot.verification.load;

import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.target.Target;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Load runs shared between the scenarios that judge them: the 1000-user run is made once and feeds
 * the p95, the error rate, the database times, the cache's effect, the injector's cost and the
 * baseline comparison, each judged by the scenario of its own criterion. A run that failed is not
 * repeated by every scenario that needs it: its failure is. One per run of the harness (see VerificationRun).
 */
public final class SharedLoads {

    private final Map<String, MeasuredLoad> runs = new LinkedHashMap<>();
    private final Map<String, RuntimeException> failures = new LinkedHashMap<>();
    private final Target target;
    private final Path projectRoot;
    private boolean warmedUp;

    public SharedLoads(Target target, Path projectRoot) {
        this.target = target;
        this.projectRoot = projectRoot;
    }

    public Target target() {
        return target;
    }

    /** The run under this key, made now (with the features the target answers for) unless it was made before. */
    public synchronized MeasuredLoad shared(String key, Function<ServiceFeatures, LoadPlan> plan) {
        if (failures.containsKey(key)) {
            throw new IllegalStateException("the load '" + key + "' failed earlier in this run", failures.get(key));
        }
        MeasuredLoad run = runs.get(key);
        if (run == null) {
            try {
                run = measure(plan, () -> { });
            } catch (RuntimeException e) {
                failures.put(key, e);
                throw e;
            }
            runs.put(key, run);
        }
        return run;
    }

    /** A run made now and not shared (a scenario of its own, a self-test). */
    public MeasuredLoad fresh(Function<ServiceFeatures, LoadPlan> plan, Runnable onLoadStart) {
        return measure(plan, onLoadStart);
    }

    /** A run made now against a target that no run of the specs holds (the load command line). */
    public static MeasuredLoad once(Target target, Path projectRoot, Function<ServiceFeatures, LoadPlan> plan) {
        return new SharedLoads(target, projectRoot).fresh(plan, () -> { });
    }

    /**
     * The warm-up below, for a spec that makes its own load (the deployment drills): once per run,
     * whichever spec comes first.
     */
    public void warmUpOnce() {
        warmUp(ServiceFeatures.probe(target));
    }

    /**
     * Before the first measured load of a run, a short load that is not measured: the service's JIT,
     * connection pools and caches are then as warm as a production instance's, so the first spec does
     * not pay for the cold start alone. Its Gatling report is kept like the others'.
     */
    private synchronized void warmUp(ServiceFeatures features) {
        if (warmedUp) {
            return;
        }
        warmedUp = true;
        new GatlingRunner(projectRoot).run(LoadPlan.arrivalRates("warm-up", List.of(LoadProfile.WARM_UP_RATE),
                Duration.ofSeconds(5), LoadProfile.WARM_UP, features.available()), target);
    }

    private MeasuredLoad measure(Function<ServiceFeatures, LoadPlan> plan, Runnable onLoadStart) {
        ServiceFeatures features = ServiceFeatures.probe(target);
        if (!features.serves()) {
            throw new IllegalStateException("the target does not serve chat before the load (POST /api/v1/chat answered "
                    + features.chatStatus() + "): nothing would be measured but errors; an earlier scenario may have left it without a healthy instance");
        }
        warmUp(features);
        boolean local = "local".equals(target.name());
        ServiceMetrics.Snapshot before = local ? ServiceMetrics.take(LocalTarget.of(target)) : null;
        Map<String, Long> watched = new LinkedHashMap<>();
        if (local) {
            LocalTarget stack = LocalTarget.of(target);
            watched.put("dynalite", stack.localDynamoDb().process().pid());
            stack.instances().forEach(instance -> watched.put(instance.name(), instance.process().pid()));
            watched.put("haproxy", stack.balancer().process().pid());
        }
        LoadRun run = new GatlingRunner(projectRoot).run(plan.apply(features), target, onLoadStart, watched);
        ServiceMetrics.Delta metrics = local ? new ServiceMetrics.Delta(before, ServiceMetrics.take(LocalTarget.of(target))) : null;
        return new MeasuredLoad(run, features, metrics);
    }
}
