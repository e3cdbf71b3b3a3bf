package org.faithbot.verification.deployment;

import org.faithbot.verification.comparison.LatencyComparison;
import org.faithbot.verification.comparison.Tolerance;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.load.GatlingStats;
import org.faithbot.verification.load.LoadRun;
import org.faithbot.verification.target.Targets;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * One deployment drill on the local target (one scenario): a release taken from those started ahead, deployed by
 * the controller under the drill's traffic, with the probe's window before it and the balancer's counters before
 * and after; and the figures each outcome is judged on, with their conditions in words.
 */
public final class DeploymentDrill {

    /**
     * The probe's window before a release, whose requests the p95 after it is held against: at least 10 s, grown until
     * it holds {@link PostDeploymentValidation#MIN_SAMPLES} probe requests (200; 8 probe users send about 160 in 10 s),
     * up to {@link PostDeploymentValidation#MAX_SAMPLING_WINDOW}. With 3 s (24 requests) the p95 was the second-slowest
     * request, and with 43 requests after it the third-slowest: on 2026-12-01's slow host a 500-member drill measured
     * 150 ms before while the load's own p95 was 721 ms, and then failed a release whose p95 after (769 ms) was the
     * load's usual one.
     */
    public static final Duration BEFORE_WINDOW = Duration.ofSeconds(10);
    /** The same for a good blue-green release. */
    public static final Duration BLUE_GREEN_BEFORE_WINDOW = BEFORE_WINDOW;
    /** How long, at least, the metrics are watched by the validation after a deployment or a rollback (the window grows to 200 requests). */
    public static final Duration VALIDATION_WINDOW = Duration.ofSeconds(3);
    /**
     * After a deployment the probe's p95 may be at most 1.5 x the one before, + 500 ms: the new release's JVMs are
     * slower than the warm ones they replace for their first minute (on 2 shared cores more so), and that is no
     * regression; the live gate's p95 limit allows the same.
     */
    public static final double P95_TOLERANCE = 1.5;
    public static final double P95_SLACK_MILLIS = 500;
    /** The names a good rolling release goes onto when the ones it was meant for are taken. */
    private static final List<String> SPARE_NAMES = List.of("n1", "n2");

    private final DrillTraffic traffic;
    private final LocalDeployments deployments;
    private final DrillsBackgroundLoad drills;
    private final DeploymentTally tally;
    private Release release;
    private List<String> names;
    private List<NewInstance> launched;
    private DeploymentOutcome outcome;
    private PostDeploymentValidation.ProbeWindow before;
    private Instant drillFrom;
    private Instant drillTo;
    private Balancer.Counters countedBefore;
    private Balancer.Counters countedAfter;
    private Map<String, ServerState> serversBefore;
    private Map<String, ServerState> serversAfter;

    /** @param tally the run's deployments, which this drill's deployment joins as it ends */
    public DeploymentDrill(DrillTraffic traffic, LocalDeployments deployments, DrillsBackgroundLoad drills, DeploymentTally tally) {
        this.traffic = traffic;
        this.deployments = deployments;
        this.drills = drills;
        this.tally = tally;
    }

    // ------------------------------------------------------------------ releases and deployments

    /**
     * Starts the releases of {@code rows} (instance, release, fault as the feature words them) side by side, ahead of
     * their drills, under the names free now, waits for their start-ups and warms the ready ones. Returns what was
     * started, in words.
     */
    public String startAhead(List<Map<String, String>> rows) {
        drills.changingTheTarget();
        List<NewInstance> started = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> later = new ArrayList<>();
        Map<String, Boolean> faultyChats = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String name = row.get("instance");
            if (deployments.free(List.of(name)).isEmpty()) {
                later.add(name);
                continue;
            }
            Release parsed = Release.parse(row.get("release"), row.get("fault"));
            started.add(deployments.prelaunch(name, parsed));
            names.add(name);
            faultyChats.put(name, parsed.failsChats());
        }
        deployments.awaitStartUps(started);
        deployments.warmUp(started, faultyChats);
        return "started: " + names + (later.isEmpty() ? "" : "\nnot started ahead (the name is taken now; the drill starts it itself): " + later);
    }

    public List<Integer> canarySteps() {
        return deployments.controller().settings().canarySteps();
    }

    /**
     * The names a good rolling release goes onto: {@code wanted}, unless they are taken (an earlier drill did not
     * retire them); then n1 and n2, with a {@code note} saying so (the target is handed back onto the wanted names).
     */
    public List<String> rollingOnto(List<String> wanted, Consumer<String> note) {
        if (wanted.stream().anyMatch(n -> !deployments.launchedAhead(n)) && !deployments.free(wanted).equals(wanted)) {
            note.accept(wanted + " are taken (an earlier drill did not retire them): "
                    + "rolling out onto n1 and n2; the target is handed back onto " + wanted + " afterwards");
            return SPARE_NAMES;
        }
        return wanted;
    }

    /** The instances started ahead under {@code names}, taken for this drill's deployment of {@code release}. */
    public List<NewInstance> take(Release release, List<String> names) {
        this.release = release;
        this.names = names;
        drills.changingTheTarget();
        launched = deployments.take(names);
        return launched;
    }

    /**
     * Deploys the release taken by {@code strategy} once its instances have started, after the probe's window
     * {@code before} (its baseline), counting at the balancer before and after; requests still in flight half a
     * second after the deployment belong to the drill.
     */
    public DeploymentOutcome deploy(Strategy strategy, Duration baseline) {
        deployments.awaitStartUps(launched);
        Instant from = Instant.now();
        traffic.runFor(baseline);
        // the window grows until it holds the requests a p95 needs, up to the validation's longest sampling window
        while (traffic.timeline().count(from, Instant.now()) < PostDeploymentValidation.MIN_SAMPLES
                && Duration.between(from, Instant.now()).compareTo(PostDeploymentValidation.MAX_SAMPLING_WINDOW) < 0) {
            traffic.runFor(Duration.ofSeconds(1));
        }
        before = new PostDeploymentValidation.ProbeWindow(traffic.timeline(), from, Instant.now());
        serversBefore = deployments.balancer().servers();
        countedBefore = deployments.balancer().frontend();
        drillFrom = Instant.now();
        outcome = deployments.controller().deploy(new DeploymentPlan(strategy, release, names, launched));
        tally.add(DeploymentTally.Deployment.of(outcome));
        traffic.runFor(Duration.ofMillis(500)); // the probe's requests in flight at the end belong to the drill
        drillTo = Instant.now();
        countedAfter = deployments.balancer().frontend();
        serversAfter = deployments.balancer().servers();
        return outcome;
    }

    public DeploymentOutcome outcome() {
        return outcome;
    }

    public Release release() {
        return release;
    }

    // ------------------------------------------------------------------ a good release

    /** Where a good release stands after its deployment: the servers in rotation, their releases, the previous release's instances still running. */
    public record Completion(List<String> serving, List<String> labels, List<String> stillRunning, List<DrillFigure> figures) {
    }

    /**
     * Where the release stands, read from the servers in rotation and the fleet, and the figures of it: the servers in
     * rotation running it against those the previous release had, those running any other, the previous release's
     * instances still running; and the rate of the run's good-release deployments that completed, this one counted.
     */
    public Completion completion() {
        List<String> serving = deployments.inRotation();
        List<String> labels = serving.stream().map(name -> deployments.fleet().url(name).flatMap(deployments.smoke()::releaseLabel)
                .orElse("(none)")).toList();
        List<String> stillRunning = outcome.oldInstances().stream().filter(deployments.fleet()::running).toList();
        long onTheRelease = labels.stream().filter(release.label()::equals).count();
        String conditions = outcome.plan().describe() + " (" + outcome.result() + "), over " + outcome.oldServers() + "; " + traffic.loadConditions();
        String inRotation = "in rotation after it: " + IntStream.range(0, serving.size())
                .mapToObj(i -> serving.get(i) + " " + labels.get(i)).toList() + ", release label read from each server";
        DeploymentTally.Count completed = tally.goodReleasesCompleted();
        return new Completion(serving, labels, stillRunning, List.of(
                DrillFigure.of(DrillFigure.SUCCESS_RATE, completed.rate("good-release deployments that completed in this run",
                        "good-release deployments completed in this run").greaterThan(99.0)),
                DrillFigure.of(DrillFigure.COMPLETED, Figure.of("servers in rotation running release " + release.label() + " after the deployment "
                        + "(at least as many as the previous release had)", onTheRelease, "servers").atLeast(outcome.oldServers().size())
                        .when(inRotation + "; the previous release had " + outcome.oldServers().size() + " " + outcome.oldServers() + "; " + conditions)),
                DrillFigure.of(DrillFigure.COMPLETED, Figure.of("servers in rotation running another release after the deployment",
                        serving.size() - onTheRelease, "servers").equalTo(0.0).when(inRotation + "; " + conditions)),
                DrillFigure.of(DrillFigure.COMPLETED, Figure.of("instances of the previous release still running after the deployment",
                        stillRunning.size(), "instances").equalTo(0.0).when("the previous release's instances " + outcome.oldInstances()
                        + (stillRunning.isEmpty() ? "" : ", still running: " + stillRunning) + "; " + conditions))));
    }

    /** The requests the balancer answered over the drill, those the probe sent, and the failed ones among them as figures. */
    public record DuringTheDrill(Balancer.Counters balancer, long probeRequests, List<DrillFigure> figures) {
    }

    public DuringTheDrill failedRequestsDuring() {
        Balancer.Counters counted = countedDuring();
        long probeRequests = traffic.timeline().count(drillFrom, drillTo);
        long probeFailures = traffic.timeline().failures(drillFrom, drillTo);
        String conditions = String.format(Locale.ROOT, "%s; %.1f s from the deployment's start to its end; the balancer answered %d requests "
                        + "(Gatling's, the probe's, the checks'), the probe sent %d (%d users, one chat message every %d ms each); %s",
                outcome.plan().describe(), Duration.between(drillFrom, drillTo).toMillis() / 1000.0, counted.responses(), probeRequests,
                DrillTraffic.PROBE_USERS, DrillTraffic.PROBE_PACE.toMillis(), traffic.loadConditions());
        return new DuringTheDrill(counted, probeRequests, List.of(
                DrillFigure.of(DrillFigure.FAILED_REQUESTS, Figure.of("failed requests during the deployment (balancer's count)", counted.failed(),
                        "requests").equalTo(0.0).when(conditions)),
                DrillFigure.of(DrillFigure.FAILED_REQUESTS, Figure.of("failed requests during the deployment (probe's count)", probeFailures,
                        "requests").equalTo(0.0).when(conditions))));
    }

    private Balancer.Counters countedDuring() {
        return countedAfter.minus(countedBefore);
    }

    public List<DrillFigure> deploymentTime(int minutes) {
        String conditions = String.format(Locale.ROOT, "%s: from the new instances' launch to the end (previous release retired); "
                        + "start-up to ready %.1f s; %s; on 2 shared cores",
                outcome.plan().describe(), outcome.readyAt() == null ? Double.NaN
                        : Duration.between(outcome.launchedAt(), outcome.readyAt()).toMillis() / 1000.0, traffic.loadConditions());
        return List.of(DrillFigure.of(DrillFigure.TIME, Figure.of("deployment time of a standard update", outcome.deploymentTime().toMillis(), "ms")
                .lessThan(minutes * 60_000.0).when(conditions)));
    }

    public List<DrillFigure> capacity(int servers) {
        String conditions = outcome.plan().describe() + "; sampled every 50 ms from the balancer: servers set ready with a weight; "
                + "the fewest of them also up by the balancer's health checks at the same moments: " + outcome.minimumHealthy();
        return List.of(
                DrillFigure.of(DrillFigure.CAPACITY, Figure.of("fewest servers up by the health checks during the deployment",
                        outcome.minimumHealthy(), "servers").when(conditions)),
                DrillFigure.of(DrillFigure.CAPACITY, Figure.of("fewest servers in rotation during the deployment", outcome.minimumInRotation(),
                        "servers").atLeast(servers).when(conditions)));
    }

    // ------------------------------------------------------------------ the validation after a deployment or a rollback

    /** The post-deployment validation's result and its figures. */
    public record Validation(PostDeploymentValidation.Result result, List<DrillFigure> figures) {
    }

    /** Validates the new release: its health, smoke journeys it answers, no failed request, no p95 regression. */
    public Validation validateNewRelease() {
        return validate(release::servedIn, "release " + release.label());
    }

    /** Validates the previous release after the rollback, the same way. */
    public Validation validatePreviousRelease() {
        return validate(Predicate.not(release::servedIn), "the previous release (not " + release.label() + ")");
    }

    private Validation validate(Predicate<String> version, String serving) {
        PostDeploymentValidation.Result result = deployments.validation().validate(version, serving, traffic.probe(),
                new PostDeploymentValidation.ProbeWindow(traffic.timeline(), before.from(), before.to()), VALIDATION_WINDOW,
                Tolerance.linear(P95_TOLERANCE, P95_SLACK_MILLIS));
        LatencyComparison comparison = result.comparison();
        String conditions = "after " + outcome.plan().describe() + " (" + outcome.result() + "): " + result.checks().stream()
                .map(c -> c.name() + (c.passed() ? " passed" : " FAILED")).toList() + "; " + traffic.loadConditions();
        List<DrillFigure> figures = new ArrayList<>();
        long passed = result.checks().stream().filter(PostDeploymentValidation.Check::passed).count();
        figures.add(DrillFigure.of(DrillFigure.VALIDATION, Figure.of("post-deployment checks passed (health, smoke journeys, failed requests, p95)",
                passed, "checks").equalTo(result.checks().size()).when(conditions + "\n" + result.describe())));
        String after = outcome.rolledBack() ? "the rollback" : "the deployment";
        String tolerance = String.format(Locale.ROOT, "because for their first minute a new release's JVMs are slower than the warm ones they "
                + "replace, more so on 2 shared cores, which is no regression of the release (after a rollback the same tolerance is applied); "
                + "judged by a bootstrap of both samples (%d resamples): a regression only when the p95's excess over the limit is above 0 "
                + "at its 95 %% lower bound; %s", LatencyComparison.RESAMPLES, conditions);
        figures.add(DrillFigure.of(DrillFigure.VALIDATION_P95, Figure.of(String.format(Locale.ROOT, "probe p95 after %s (requirement: zero "
                        + "degradation, at most the p95 before, %.0f ms over %d requests; tolerance %.1f x before + %.0f ms = %.0f ms)", after,
                        comparison.beforeMillis(), comparison.beforeSamples(), P95_TOLERANCE, P95_SLACK_MILLIS, comparison.limitMillis()),
                comparison.afterMillis(), "ms").when(comparison.describe() + "; " + tolerance)));
        if (comparison.verdict() == LatencyComparison.Verdict.NOT_ENOUGH_SAMPLES) {
            figures.add(DrillFigure.of(DrillFigure.VALIDATION_P95, Figure.of("probe requests in the windows before and after " + after
                    + " (the fewer of the two; not enough samples to judge the p95)", Math.min(comparison.beforeSamples(), comparison.afterSamples()), "requests")
                    .atLeast(PostDeploymentValidation.MIN_SAMPLES).when(comparison.describe() + "; " + tolerance)));
        } else {
            figures.add(DrillFigure.of(DrillFigure.VALIDATION_P95, Figure.of(String.format(Locale.ROOT, "excess of the probe p95 after %s over its "
                            + "limit (1.5 x before + 500 ms), 95 %% lower bound (%d requests before, %d after)", after, comparison.beforeSamples(),
                    comparison.afterSamples()), comparison.excessLowMillis(), "ms").atMost(0).when(comparison.describe() + "; " + tolerance)));
        }
        result.check("no failed request after the deployment").ifPresent(c -> figures.add(DrillFigure.of(outcome.rolledBack()
                        ? DrillFigure.VALIDATION_FAILED_REQUESTS_AFTER_ROLLBACK : DrillFigure.VALIDATION_FAILED_REQUESTS,
                Figure.of("failed requests after the " + (outcome.rolledBack() ? "rollback" : "deployment"),
                        c.figures().get("balancerFailed") + c.figures().get("probeFailed"), "requests").equalTo(0.0).when(c.detail()))));
        return new Validation(result, figures);
    }

    /** Gatling's failed requests over the scenario's whole load, the deployment included. */
    public List<DrillFigure> loadFailures() {
        LoadRun load = traffic.finishedLoad();
        GatlingStats.RequestStats all = load.stats().global();
        return List.of(DrillFigure.of(DrillFigure.LOAD_FAILED_REQUESTS, Figure.of("failed requests by Gatling's count over the whole load, "
                + "deployment included", all.ko(), "requests").equalTo(0.0).when(String.format(Locale.ROOT,
                "%d requests, %.1f req/s, p95 %.0f ms over %.0f s; %s; report %s", all.total(), all.perSecond(), all.p95(),
                load.wallTime().toMillis() / 1000.0, traffic.loadConditions(), Targets.projectRoot().relativize(load.reportDirectory())))));
    }

    // ------------------------------------------------------------------ a bad release

    /**
     * How the bad release was stopped, as measured: the time from its first traffic (or, when it never had any, from
     * its launch) to the gate's verdict, reported with the gate and its reason; and the rate of the run's bad releases
     * that a gate stopped and the controller rolled back with the previous release restored, this one counted. No
     * time is recorded when no gate stopped it: the rate says so.
     */
    public List<DrillFigure> stoppedByGate() {
        List<DrillFigure> figures = new ArrayList<>();
        GateVerdict gate = outcome.failedGate();
        if (gate != null && outcome.detectedAt() != null) {
            boolean tookTraffic = outcome.trafficAt() != null;
            Duration toVerdict = Duration.between(tookTraffic ? outcome.trafficAt() : outcome.launchedAt(), outcome.detectedAt());
            figures.add(DrillFigure.of(DrillFigure.STOPPED_BY_GATE, Figure.of(tookTraffic
                            ? "time from the bad release's first traffic to the " + gate.gate() + " gate's verdict"
                            : "time from the bad release's launch to the " + gate.gate() + " gate's verdict (it never took traffic)",
                    toVerdict.toMillis(), "ms").when(String.format(Locale.ROOT, "%s: stopped by the %s gate: %s, on %s; %s",
                    outcome.plan().describe(), gate.gate(), gate.reason(), gate.figures(), traffic.loadConditions()))));
        }
        figures.add(DrillFigure.of(DrillFigure.STOPPED_BY_GATE, tally.badReleasesStoppedAndRolledBack().rate(
                "bad releases in this run stopped by a gate and rolled back by the controller, without a human",
                "bad-release deployments stopped by a gate and rolled back with the previous release restored, no human step in the "
                        + "harness's deployment controller").atLeast(100.0)));
        return figures;
    }

    /**
     * The rollback's time, against the requirement's 5 minutes and beside it the local goal of {@code seconds}; and the
     * rate of the run's rollbacks that restored the previous release, this one counted. No time is recorded when there
     * was no rollback to time: the rate says so.
     */
    public List<DrillFigure> rollback(int seconds) {
        DrillFigure restored = DrillFigure.of(DrillFigure.ROLLBACK_SUCCESS, tally.rollbacksRestored().rate("rollbacks in this run that restored "
                + "the previous release", "rollbacks restored the previous release (its servers back with their states and weights)").atLeast(100.0));
        Duration rollback = outcome.rollbackTime();
        if (rollback == null || outcome.switchBackTime() == null) {
            return List.of(restored);
        }
        String conditions = String.format(Locale.ROOT, "%s: from the %s gate's verdict until the previous release's servers %s had their states "
                        + "and weights back and nothing was in flight on the new servers %s (every new request went to the previous release "
                        + "%d ms after the detection; %d requests still answered by the new servers after it, in flight then); "
                        + "HAProxy runtime API; %s",
                outcome.plan().describe(), outcome.failedGate().gate(), outcome.oldServers(), outcome.newServers(),
                outcome.switchBackTime().toMillis(), outcome.newRequestsAfterDetection(), traffic.loadConditions());
        return List.of(
                DrillFigure.of(DrillFigure.ROLLBACK_TIME, Figure.of("rollback time (requirement: < 5 min)", rollback.toMillis(), "ms")
                        .lessThan(300_000.0).when(conditions)),
                DrillFigure.of(DrillFigure.ROLLBACK_TIME_LOCAL_GOAL, Figure.of("rollback time against the local goal of " + seconds
                        + " s (requirement: < 5 min)", rollback.toMillis(), "ms").lessThan(seconds * 1000.0).when("local goal " + seconds
                        + " s, far inside the requirement's 5 minutes: here a rollback is a few commands to HAProxy's runtime API with the "
                        + "previous release still warm, so a slower one means the controller waits where it should not; " + conditions)),
                restored);
    }

    /**
     * The failed requests the bad release caused, by the balancer's count and the probe's, and those its servers did
     * not answer; the balancer's count goes to the drills' tally of the bad releases' failures.
     */
    public List<DrillFigure> badReleaseFailures() {
        Balancer.Counters counted = countedDuring();
        long byBadServers = 0;
        for (String server : outcome.newServers()) {
            byBadServers += serversAfter.get(server).errors() - serversBefore.get(server).errors();
        }
        long probeFailures = traffic.timeline().failures(drillFrom, drillTo);
        drills.countFailedByBadRelease(counted.failed());
        String conditions = String.format(Locale.ROOT, "%s: %d of %d requests through the balancer failed during the drill (%.1f s), "
                        + "%d of them answered by the bad release's servers %s; the probe saw %d of its %d requests fail; the release had "
                        + "%.1f s of traffic before the detection; %s",
                outcome.plan().describe(), counted.failed(), counted.responses(), Duration.between(drillFrom, drillTo).toMillis() / 1000.0,
                byBadServers, outcome.newServers(), probeFailures, traffic.timeline().count(drillFrom, drillTo),
                outcome.exposure().toMillis() / 1000.0, traffic.loadConditions());
        return List.of(
                DrillFigure.of(DrillFigure.BAD_RELEASE_FAILED_REQUESTS, Figure.of("failed requests the bad release caused (balancer's count)",
                        counted.failed(), "requests").when(conditions)),
                DrillFigure.of(DrillFigure.BAD_RELEASE_FAILED_REQUESTS_PROBE, Figure.of("failed requests the bad release caused (probe's count)",
                        probeFailures, "requests").when(conditions)),
                DrillFigure.of(DrillFigure.BAD_RELEASE_FAILED_ELSEWHERE, Figure.of("failed requests not answered by the bad release's servers",
                        counted.failed() - byBadServers, "requests").atMost(0.0).when(conditions)));
    }

    /** The requests the bad release's servers answered during the drill. */
    public List<DrillFigure> trafficToTheBadRelease() {
        long answered = outcome.newServers().stream()
                .mapToLong(s -> serversAfter.get(s).responses() - serversBefore.get(s).responses()).sum();
        return List.of(DrillFigure.of(DrillFigure.BAD_RELEASE_TRAFFIC, Figure.of("requests answered by the bad release", answered, "requests")
                .equalTo(0.0).when(outcome.plan().describe() + ": " + outcome.failedGate().describe())));
    }

    // ------------------------------------------------------------------ the end of the drills

    /** Gatling's failed requests over the drills' background load against the ones the balancer counted for the bad releases. */
    public List<DrillFigure> failuresOverTheDrills() {
        LoadRun load = traffic.finishedLoad();
        GatlingStats.RequestStats all = load.stats().global();
        Balancer.Counters overTheLoad = deployments.balancer().frontend().minus(drills.countedAtStart());
        String conditions = String.format(Locale.ROOT, "%d requests by Gatling over %.0f s (%.1f req/s, p95 %.0f ms), %d KO; the balancer answered %d "
                        + "requests over the load (Gatling's, the probes', the checks'), %d failed, %d of them counted in the bad releases' drills; %s; report %s",
                all.total(), load.wallTime().toMillis() / 1000.0, all.perSecond(), all.p95(), all.ko(), overTheLoad.responses(),
                overTheLoad.failed(), drills.failedByBadReleases(), traffic.loadConditions(), Targets.projectRoot().relativize(load.reportDirectory()));
        return List.of(
                DrillFigure.of(DrillFigure.DRILLS_LOAD_FAILED_REQUESTS, Figure.of("failed requests by Gatling's count across the drills (the bad "
                        + "releases' share of its traffic)", all.ko(), "requests").atMost(drills.failedByBadReleases()).when(conditions)),
                DrillFigure.of(DrillFigure.DRILLS_LOAD_FAILED_OUTSIDE_BAD_RELEASES, Figure.of("failed requests over the drills' load outside the bad "
                        + "releases' drills (balancer's count)", overTheLoad.failed() - drills.failedByBadReleases(), "requests").equalTo(0.0)
                        .when(conditions)));
    }

    /** Hands the local target back with the instances {@code home} in rotation, running the drills' last release. */
    public void handBack(List<String> home) {
        deployments.handBack(home, DrillsBackgroundLoad.HOME_RELEASE);
        drills.handedBack();
    }

    public List<String> inRotation() {
        return deployments.inRotation();
    }
}
