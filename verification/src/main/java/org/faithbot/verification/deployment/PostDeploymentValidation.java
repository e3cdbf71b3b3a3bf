package org.faithbot.verification.deployment;

import org.faithbot.verification.comparison.LatencyComparison;
import org.faithbot.verification.comparison.Tolerance;
import org.faithbot.verification.http.ServiceClient;
import org.faithbot.verification.traffic.ProbeSample;
import org.faithbot.verification.traffic.ProbeTimeline;
import org.faithbot.verification.traffic.TrafficProbe;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

/**
 * What is checked after every deployment, and after every rollback (criterion 2.15): health (every
 * server in rotation is up at the balancer and ready by its own probe), smoke journeys through the
 * public entry point answered by the release that should serve, and the metrics over a window
 * after it (no failed request by the balancer's count or the probe's, and a p95 no worse than
 * before the deployment beyond the tolerance, judged by {@link LatencyComparison}: significantly worse and
 * by more than the tolerance). The window after grows until it holds {@link #MIN_SAMPLES} probe requests
 * (up to {@link #MAX_SAMPLING_WINDOW}: under a load that saturates the host each probe user's requests take
 * seconds, and 30 s held 111 of them), and is kept open for up to {@link #MAX_WINDOW} more while the p95 is above
 * its limit, judged then on its latest {@link #MIN_SAMPLES} requests: a release's regression persists through it,
 * a fresh JVM's first seconds do not (on 2026-12-06 under 1000 members the probe's p95 over the first 33 s after a
 * blue-green switch was 2.8 s against 1.1 s before, while the new instances' own chat p95 was 333 ms against 165 ms).
 * A window still short of requests at {@link #MAX_SAMPLING_WINDOW} is not judged: the check fails with "not enough
 * samples" and both sample sizes, never passing or failing the p95 silently. Failed requests count over the whole window.
 */
public final class PostDeploymentValidation {

    /** Probe requests each window needs before its p95 is judged: 10 of them beyond the p95 (the 5 % tail of 200). */
    public static final int MIN_SAMPLES = LatencyComparison.minSamples(95);
    /** The longest the window after a deployment grows. */
    public static final Duration MAX_WINDOW = Duration.ofSeconds(30);
    /** The longest a window grows while it holds fewer than {@link #MIN_SAMPLES} probe requests. */
    public static final Duration MAX_SAMPLING_WINDOW = Duration.ofSeconds(90);
    /** The bootstrap's seed: the same samples give the same verdict. */
    private static final long SEED = 20261205L;

    private final Balancer balancer;
    private final Fleet fleet;
    private final SmokeCheck smoke;
    private final String publicUrl;

    public PostDeploymentValidation(Balancer balancer, Fleet fleet, SmokeCheck smoke, String publicUrl) {
        this.balancer = balancer;
        this.fleet = fleet;
        this.smoke = smoke;
        this.publicUrl = publicUrl;
    }

    /** One check of the validation. */
    public record Check(String name, boolean passed, String detail, Map<String, Double> figures) {
    }

    /**
     * @param p95Before the probe's p95 over the window before the deployment, in ms
     * @param p95After  the probe's p95 over the window after it, in ms
     * @param p95Limit  the most the p95 after may be
     */
    public record Result(List<Check> checks, Instant from, Instant to, LatencyComparison comparison) {

        public double p95Before() {
            return comparison.beforeMillis();
        }

        public double p95After() {
            return comparison.afterMillis();
        }

        public double p95Limit() {
            return comparison.limitMillis();
        }

        public boolean passed() {
            return checks.stream().allMatch(Check::passed);
        }

        public Optional<Check> check(String name) {
            return checks.stream().filter(c -> c.name().equals(name)).findFirst();
        }

        public String describe() {
            StringBuilder text = new StringBuilder();
            for (Check check : checks) {
                text.append(check.passed() ? "  passed  " : "  FAILED  ").append(check.name()).append(": ").append(check.detail()).append('\n');
            }
            return text.toString();
        }
    }

    /**
     * @param expectedVersion which X-App-Version values may answer (the release that should serve), in words in {@code serving}
     * @param probe           the steady-state probe running through the deployment
     * @param before          the probe's window before the deployment: its p95 is the baseline
     * @param window          how long the metrics are watched after the deployment
     */
    public Result validate(Predicate<String> expectedVersion, String serving, TrafficProbe probe, ProbeWindow before, Duration window,
                           Tolerance p95Tolerance) {
        List<Check> checks = new ArrayList<>();
        Instant from = Instant.now();
        Balancer.Counters start = balancer.frontend();
        checks.add(health());
        checks.add(smokeJourneys(expectedVersion, serving));
        double[] beforeSamples = before.timeline().latenciesMillis(before.from(), before.to());
        Instant to = from.plus(window);
        Instant judgedFrom = from;
        Instant enoughAt = null;
        LatencyComparison comparison;
        while (true) {
            Duration rest = Duration.between(Instant.now(), to);
            if (!rest.isNegative()) {
                LockSupport.parkNanos(rest.toNanos());
            }
            Instant now = Instant.now();
            ProbeTimeline seen = probe.timeline(); // one view for the window's start and its samples
            judgedFrom = latestRequests(seen.between(from, now), from);
            comparison = LatencyComparison.of(beforeSamples, seen.latenciesMillis(judgedFrom, now), 95, p95Tolerance, SEED);
            if (comparison.enoughSamples() && enoughAt == null) {
                enoughAt = now;
            }
            boolean watchedLongEnough = enoughAt == null ? !now.isBefore(from.plus(MAX_SAMPLING_WINDOW)) : !now.isBefore(enoughAt.plus(MAX_WINDOW));
            if (comparison.passed() || watchedLongEnough) {
                to = now;
                break;
            }
            to = now.plusSeconds(1);
        }
        Balancer.Counters counted = balancer.frontend().minus(start);
        ProbeTimeline timeline = probe.timeline();
        long probeRequests = timeline.count(from, to);
        long probeFailures = timeline.failures(from, to);
        checks.add(new Check("no failed request after the deployment", counted.failed() == 0 && probeFailures == 0 && probeRequests > 0,
                String.format(Locale.ROOT, "over %.1f s: the balancer answered %d requests, %d failed; the probe sent %d, %d failed",
                        Duration.between(from, to).toMillis() / 1000.0, counted.responses(), counted.failed(), probeRequests, probeFailures),
                Map.of("balancerResponses", (double) counted.responses(), "balancerFailed", (double) counted.failed(),
                        "probeRequests", (double) probeRequests, "probeFailed", (double) probeFailures)));
        checks.add(new Check("no performance regression", comparison.passed(), String.format(Locale.ROOT, "probe %s; window after %.1f s "
                        + "(grown until it held %d requests, up to %d s, and on for up to %d s while above the limit, judged on its latest "
                        + "%d requests: from +%.1f s)", comparison.describe(),
                        Duration.between(from, to).toMillis() / 1000.0, MIN_SAMPLES, MAX_SAMPLING_WINDOW.toSeconds(), MAX_WINDOW.toSeconds(),
                        MIN_SAMPLES, Duration.between(from, judgedFrom).toMillis() / 1000.0),
                Map.of("p95AfterMillis", comparison.afterMillis(), "p95BeforeMillis", comparison.beforeMillis(),
                        "p95LimitMillis", comparison.limitMillis(), "excessLowMillis", comparison.excessLowMillis())));
        return new Result(checks, from, to, comparison);
    }

    /**
     * Where the judged part of the window after starts: at the latest {@link #MIN_SAMPLES} requests once it holds more, so
     * that a window kept open while above the limit judges the release as it serves now, not its fresh JVMs' first seconds.
     */
    static Instant latestRequests(List<ProbeSample> window, Instant from) {
        return window.size() > MIN_SAMPLES ? window.get(window.size() - MIN_SAMPLES).startedAt() : from;
    }

    /** A window of the probe's timeline. */
    public record ProbeWindow(ProbeTimeline timeline, Instant from, Instant to) {
    }

    private Check health() {
        List<String> inRotation = balancer.servers().values().stream().filter(ServerState::active).map(ServerState::name).toList();
        Map<String, Double> figures = new LinkedHashMap<>();
        figures.put("serversInRotation", (double) inRotation.size());
        List<String> problems = new ArrayList<>();
        // every server set to take requests must be up by the balancer's checks (a check failing under load gets 5 s to pass again)
        Instant deadline = Instant.now().plusSeconds(5);
        List<String> down = inRotation;
        while (!(down = inRotation.stream().filter(s -> !balancer.server(s).inRotation()).toList()).isEmpty() && Instant.now().isBefore(deadline)) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        down.forEach(s -> problems.add(s + " " + balancer.server(s).status() + " at the balancer"));
        for (String server : inRotation) {
            Optional<String> url = balancer.instanceBehind(server).flatMap(fleet::url);
            int readiness = url.map(u -> ServiceClient.readiness(u, Duration.ofSeconds(5))).orElse(-1);
            if (readiness != 200) {
                problems.add(server + " readiness " + readiness);
            }
        }
        boolean passed = !inRotation.isEmpty() && problems.isEmpty();
        return new Check("health", passed, inRotation.size() + " servers in rotation " + inRotation
                + (problems.isEmpty() ? ", all up at the balancer and ready by their own probes" : "; problems: " + problems), figures);
    }

    private Check smokeJourneys(Predicate<String> expectedVersion, String serving) {
        SmokeCheck.Result result = smoke.journeys(publicUrl, null, 4);
        List<String> wrong = result.versions().stream().filter(v -> !expectedVersion.test(v)).distinct().toList();
        boolean passed = result.passed() && wrong.isEmpty();
        return new Check("smoke journeys through the balancer", passed, result.describe()
                + (wrong.isEmpty() ? "; every answer from " + serving : "; answers from other versions: " + wrong),
                Map.of("requests", (double) result.requests(), "failed", (double) result.failed()));
    }
}
