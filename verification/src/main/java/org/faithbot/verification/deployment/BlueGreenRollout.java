package org.faithbot.verification.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A full green fleet beside blue, gated on readiness, the release it reports and smoke journeys
 * before it takes any traffic; all traffic switched at once; blue drained and kept warm until the
 * post-switch bake on live metrics passes, then retired.
 */
final class BlueGreenRollout implements Rollout {

    /**
     * Smoke journeys run this many at once on each green instance: the gate, and the warm-up of a JVM about to take all
     * the traffic at once (its JIT and its data store connections), as traffic on a test listener warms a green task set.
     */
    private static final int SMOKE_STREAMS = 6;

    @Override
    public void roll(DeploymentRun run) {
        run.launchAndAttach(instance -> {
            SmokeCheck.Result result = smokeInStreams(run, instance);
            GateVerdict verdict = result.passed()
                    ? GateVerdict.passed("smoke " + instance.name(), result.describe(), Map.of("requests", (double) result.requests()))
                    : GateVerdict.failed("smoke " + instance.name(), result.describe(),
                    Map.of("requests", (double) result.requests(), "failed", (double) result.failed()));
            run.record(verdict);
        });
        List<String> blue = run.oldServers();
        ServerMetrics previousWindow = run.previousReleaseWindow();
        int weight = run.before(blue.getFirst()).weight();
        for (String server : run.newServers()) {
            run.balancer().admit(server, weight);
        }
        for (String server : blue) {
            run.balancer().setState(server, ServerState.AdminState.DRAIN);
        }
        run.trafficStarted();
        run.note("switched: green %s takes all traffic, blue %s drained and kept warm", run.newServers(), blue);
        run.awaitIdle(blue, "blue");
        run.bake("post-switch", run.newServers(), List.of(), previousWindow);
        run.note("blue %s retired", blue);
        run.retire(blue);
    }

    /**
     * The smoke journeys straight to a green instance, in {@link #SMOKE_STREAMS} streams at once: a gate, and the
     * warm-up of a JVM about to take all the traffic at once.
     */
    private static SmokeCheck.Result smokeInStreams(DeploymentRun run, NewInstance instance) {
        int streams = Math.max(1, Math.min(SMOKE_STREAMS, run.settings().smokeJourneys()));
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<CompletableFuture<SmokeCheck.Result>> running = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                int journeys = run.settings().smokeJourneys() / streams + (i < run.settings().smokeJourneys() % streams ? 1 : 0);
                running.add(CompletableFuture.supplyAsync(() -> run.smoke().journeys(instance.url(), run.plan().release(), journeys), executor));
            }
            List<SmokeCheck.Result> results = running.stream().map(CompletableFuture::join).toList();
            List<String> failures = new ArrayList<>();
            List<String> versions = new ArrayList<>();
            List<String> servedBy = new ArrayList<>();
            results.forEach(r -> {
                failures.addAll(r.failures());
                versions.addAll(r.versions());
                servedBy.addAll(r.servedBy());
            });
            return new SmokeCheck.Result(results.stream().mapToInt(SmokeCheck.Result::requests).sum(),
                    results.stream().mapToInt(SmokeCheck.Result::failed).sum(), failures, versions, servedBy);
        }
    }
}
