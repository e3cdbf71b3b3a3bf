package org.faithbot.verification.load;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.comparison.ErrorRate;
import org.faithbot.verification.comparison.LatencyComparison;
import org.faithbot.verification.comparison.RateComparison;
import org.faithbot.verification.comparison.Tolerance;
import org.faithbot.verification.local.LocalTarget;
import org.faithbot.verification.local.ServiceInstance;
import org.faithbot.verification.load.ReleaseRounds.Release;
import org.faithbot.verification.load.ReleaseRounds.Sample;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

/**
 * AC-3.6 on the local target: the previous release and this one measured side by side ({@link ReleaseRounds}) and
 * compared with the scheme every gate uses. Chat p95: this release's may be at most {@link #P95_TOLERANCE} of the
 * previous release's, a regression only when its excess over that limit is above 0 at the bootstrap's 95 % lower
 * bound ({@link LatencyComparison}); successful requests per second: at least {@value #MIN_THROUGHPUT_RATIO} of the
 * previous release's, a regression only when the ratio's 95 % upper bound is below it ({@link RateComparison}).
 */
public final class ReleaseComparison {

    /**
     * This release's chat p95 at most 1.5 x the previous release's + 50 ms (the feature text's tolerance). At 50
     * messages/s on a fresh instance of each the p95s are 30-60 ms and one round's p95 ranged from 29 to 90 ms between
     * rounds of one run on this machine kind: a tighter slack (1.25 x + 25 ms) left 12 ms between noise and a failure.
     */
    public static final Tolerance P95_TOLERANCE = Tolerance.linear(1.5, 50);
    public static final double MIN_THROUGHPUT_RATIO = 0.95;
    private static final long SEED = 36;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final int WARM_UP_TURNS = 25;
    private static final String PREVIOUS_INSTANCE = "release-previous";
    private static final String CANDIDATE_INSTANCE = "release-candidate";

    /** What the rounds measured and how the two releases compare. */
    public record Result(PreviousRelease previous, ReleaseRounds rounds, LoadRun run, LatencyComparison p95, RateComparison throughput,
                         Map<Release, ErrorRate> errors, Map<Release, List<Double>> p95ByRound) {

        public double p95Ratio() {
            return p95.afterMillis() / p95.beforeMillis();
        }

        public boolean regressed() {
            return p95.verdict() == LatencyComparison.Verdict.REGRESSED || throughput.regressed();
        }

        public String describe() {
            return String.format(Locale.ROOT, "%s%nrounds: %s%nchat p95, this release against the previous one: %s; ratio %.2f%n"
                            + "successful requests per second: %s%nfailed requests: previous %s; this release %s%n"
                            + "p95 by judged round (ms), previous: %s; this release: %s%nCPU over the rounds (each release busy in half of them): %s%n"
                            + "load: %s, report %s", previous.describe(), rounds.describe(),
                    p95.describe(), p95Ratio(), throughput.describe(), errors.get(Release.PREVIOUS).describe(),
                    errors.get(Release.CANDIDATE).describe(), rounded(p95ByRound.get(Release.PREVIOUS)),
                    rounded(p95ByRound.get(Release.CANDIDATE)), cpu(), run.stats().summary(), run.reportDirectory());
        }

        private String cpu() {
            return run.targetProcessCosts().entrySet().stream().map(e -> e.getKey() + " " + e.getValue().describe())
                    .collect(Collectors.joining("; "));
        }

        private static String rounded(List<Double> values) {
            return values.stream().map(v -> String.format(Locale.ROOT, "%.0f", v)).collect(Collectors.joining(", "));
        }
    }

    private ReleaseComparison() {
    }

    /**
     * Starts a fresh instance of each release beside the target's own (same tables, same token key, same CPU share as
     * any service task), warms both up alike, plays the rounds against them, retires both and compares.
     */
    public static Result measure(LocalTarget target, PreviousRelease previous, ReleaseRounds rounds, Path projectRoot) {
        try {
            ServiceInstance previousInstance = target.startInstance(PREVIOUS_INSTANCE, previous.jar(), Map.of());
            ServiceInstance candidateInstance = target.startInstance(CANDIDATE_INSTANCE, Map.of());
            CompletableFuture.allOf(ready(target, previousInstance), ready(target, candidateInstance)).join();
            GatlingRunner runner = new GatlingRunner(projectRoot);
            Path samplesFile = runner.resultsFolder().resolve("release-rounds-samples.csv");
            Files.deleteIfExists(samplesFile);
            Map<String, Long> watched = new LinkedHashMap<>();
            watched.put("previous release", previousInstance.process().pid());
            watched.put("this release", candidateInstance.process().pid());
            LoadRun run = runner.run(rounds.plan(previousInstance.url(), candidateInstance.url(), samplesFile), target, () -> { }, watched);
            return judge(previous, rounds, run, rounds.judgedSamples(samplesFile), run.telemetry().path(ReleaseRounds.ORIGIN).asLong(0));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } finally {
            target.retireInstance(PREVIOUS_INSTANCE);
            target.retireInstance(CANDIDATE_INSTANCE);
        }
    }

    private static CompletableFuture<Void> ready(LocalTarget target, ServiceInstance instance) {
        return CompletableFuture.runAsync(() -> {
            instance.awaitReady(START_TIMEOUT);
            instance.warmUp(target.tokens().tokenFor(TestUser.fresh("Warmup")), WARM_UP_TURNS);
        });
    }

    /** Compares the two releases' samples of the rounds ({@code originEpochMillis}: the rounds' clock, from the simulation). */
    static Result judge(PreviousRelease previous, ReleaseRounds rounds, LoadRun run, List<Sample> samples, long originEpochMillis) {
        if (originEpochMillis <= 0) {
            throw new IllegalStateException("the rounds' simulation wrote no start time: no request was sent? " + run.log());
        }
        Map<Release, ErrorRate> errors = new EnumMap<>(Release.class);
        Map<Release, List<Double>> p95ByRound = new EnumMap<>(Release.class);
        Map<Release, double[]> latencies = new EnumMap<>(Release.class);
        Map<Release, double[]> okPerSecond = new EnumMap<>(Release.class);
        for (Release release : Release.values()) {
            List<Sample> own = samples.stream().filter(s -> s.release() == release).toList();
            latencies.put(release, own.stream().mapToDouble(Sample::latencyMillis).toArray());
            errors.put(release, ErrorRate.of(own.stream().filter(s -> !s.ok()).count(), own.size()));
            okPerSecond.put(release, okPerSecond(rounds, release, own, originEpochMillis));
            List<Double> byRound = new ArrayList<>();
            for (int round = 0; round < rounds.played(); round++) {
                if (rounds.judged(round) && rounds.releaseOf(round) == release) {
                    int index = round;
                    double[] values = own.stream().filter(s -> s.round() == index).mapToDouble(Sample::latencyMillis).toArray();
                    byRound.add(values.length == 0 ? Double.NaN : new Percentile(95).evaluate(values));
                }
            }
            p95ByRound.put(release, byRound);
        }
        LatencyComparison p95 = LatencyComparison.of(latencies.get(Release.PREVIOUS), latencies.get(Release.CANDIDATE), 95, P95_TOLERANCE, SEED);
        RateComparison throughput = RateComparison.of(okPerSecond.get(Release.PREVIOUS), okPerSecond.get(Release.CANDIDATE), MIN_THROUGHPUT_RATIO, SEED);
        return new Result(previous, rounds, run, p95, throughput, errors, p95ByRound);
    }

    /** Successful requests sent in each second of the release's rounds (a second with none counts as 0). */
    static double[] okPerSecond(ReleaseRounds rounds, Release release, List<Sample> samples, long originEpochMillis) {
        int secondsPerRound = (int) rounds.round().toSeconds();
        Map<Integer, Integer> slotOfRound = new LinkedHashMap<>();
        for (int round = 0; round < rounds.played(); round++) {
            if (rounds.judged(round) && rounds.releaseOf(round) == release) {
                slotOfRound.put(round, slotOfRound.size());
            }
        }
        double[] counts = new double[slotOfRound.size() * secondsPerRound];
        long roundsStart = originEpochMillis + rounds.warmUps().toMillis();
        for (Sample sample : samples) {
            Integer slot = slotOfRound.get(sample.round());
            if (slot == null || !sample.ok()) {
                continue;
            }
            long intoRound = sample.startEpochMillis() - roundsStart - sample.round() * rounds.round().toMillis();
            int second = (int) Math.max(0, Math.min(secondsPerRound - 1, intoRound / 1000));
            counts[slot * secondsPerRound + second]++;
        }
        return counts;
    }
}
