package org.faithbot.verification.load;

import org.faithbot.verification.local.CdnCounters;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.target.Target;
import org.faithbot.verification.traffic.TrafficProbe;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Load runs shared between the scenarios that judge them: the 1000-user run is made once and feeds
 * the p95, the error rate, the database times, the cache's effect, the injector's cost and the
 * baseline comparison, each judged by the scenario of its own criterion. A run that failed is not
 * repeated by every scenario that needs it: its failure is. One per run of the harness (see VerificationRun).
 */
public final class SharedLoads {

    static final int PROBE_CLIENTS = 2;
    static final Duration PROBE_PACE = Duration.ofMillis(500);

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
        return shared(key, plan, false);
    }

    /**
     * As {@link #shared(String, Function)}, with the steady-state probe ({@link TrafficProbe}: {@value #PROBE_CLIENTS}
     * members chatting through the public entry point every {@code PROBE_PACE}) running for the whole load when
     * {@code probed}: what a member outside the load sees of the service's availability meanwhile.
     */
    public synchronized MeasuredLoad shared(String key, Function<ServiceFeatures, LoadPlan> plan, boolean probed) {
        if (failures.containsKey(key)) {
            throw new IllegalStateException("the load '" + key + "' failed earlier in this run", failures.get(key));
        }
        MeasuredLoad run = runs.get(key);
        if (run == null) {
            try {
                run = measure(plan, () -> { }, probed);
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
        return measure(plan, onLoadStart, false);
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

    private MeasuredLoad measure(Function<ServiceFeatures, LoadPlan> plan, Runnable onLoadStart, boolean probed) {
        ServiceFeatures features = ServiceFeatures.probe(target);
        if (!features.serves()) {
            throw new IllegalStateException("the target does not serve chat before the load (POST /api/v1/chat answered "
                    + features.chatStatus() + "): nothing would be measured but errors; an earlier scenario may have left it without a healthy instance");
        }
        warmUp(features);
        boolean local = "local".equals(target.name());
        ServiceMetrics.Snapshot before = local ? ServiceMetrics.take(LocalTarget.of(target)) : null;
        CdnCounters cdnBefore = local ? LocalTarget.of(target).cdn().counters() : null;
        Map<String, Long> watched = new LinkedHashMap<>();
        if (local) {
            LocalTarget stack = LocalTarget.of(target);
            watched.put("dynalite", stack.localDynamoDb().process().pid());
            stack.instances().forEach(instance -> watched.put(instance.name(), instance.process().pid()));
            watched.put("haproxy", stack.balancer().process().pid());
            watched.put("cdn", stack.cdn().process().pid());
        }
        LoadPlan planned = plan.apply(features);
        AtomicReference<TrafficProbe> probe = new AtomicReference<>();
        LoadRun run;
        try {
            run = new GatlingRunner(projectRoot).run(planned, target, () -> {
                if (probed) {
                    probe.set(TrafficProbe.start(target.baseUrl(), target.tokens(), PROBE_CLIENTS, PROBE_PACE, planned.timeout()));
                }
                onLoadStart.run();
            }, watched);
        } finally {
            if (probe.get() != null) {
                probe.get().stop();
            }
        }
        ServiceMetrics.Delta metrics = local ? new ServiceMetrics.Delta(before, ServiceMetrics.take(LocalTarget.of(target))) : null;
        CdnCounters cdn = local ? LocalTarget.of(target).cdn().counters().since(cdnBefore) : null;
        return new MeasuredLoad(run, features, metrics, probe.get() == null ? null : probe.get().timeline(), cdn);
    }
}
