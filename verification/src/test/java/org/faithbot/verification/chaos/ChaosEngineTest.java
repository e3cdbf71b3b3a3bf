package org.faithbot.verification.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.faithbot.verification.traffic.ProbeSample;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine, driven by a fake driver on a synthetic service whose requests fail while the fault
 * (and its aftermath) lasts: steady state first, then inject, observe, roll back (always), verify
 * the recovery, judge the hypothesis.
 */
class ChaosEngineTest {

    /** A service sampled every 50 ms; a request fails while it is broken. */
    static final class SyntheticService implements Observation {

        final Instant start = Instant.now();
        volatile Instant brokenFrom = Instant.MAX;
        volatile Instant brokenUntil = Instant.MAX;
        volatile int lost;
        final AtomicBoolean stopped = new AtomicBoolean();

        @Override
        public List<ProbeSample> probeSamples() {
            List<ProbeSample> samples = new ArrayList<>();
            for (Instant t = start; t.isBefore(Instant.now()); t = t.plusMillis(50)) {
                boolean broken = !t.isBefore(brokenFrom) && t.isBefore(brokenUntil);
                samples.add(new ProbeSample(t, broken ? 2 : 20, broken ? 503 : 200));
            }
            return samples;
        }

        @Override
        public List<ProbeSample> loadSamples() {
            return List.of();
        }

        @Override
        public int acknowledgedWrites() {
            return 40;
        }

        @Override
        public void stop() {
            stopped.set(true);
        }

        @Override
        public List<AcknowledgedWrite> lostWrites() {
            List<AcknowledgedWrite> writes = new ArrayList<>();
            for (int i = 0; i < lost; i++) {
                writes.add(new AcknowledgedWrite("user", "c", "m" + i, "text", "reply", "hope", "Psalm 23:1", "now", Instant.now()));
            }
            return writes;
        }

        @Override
        public String describe() {
            return "synthetic service";
        }
    }

    /** Breaks the service while injected (if {@code breaks}), for {@code aftermath} more after the rollback. */
    static final class FakeDriver implements ChaosDriver {

        final SyntheticService service;
        final boolean breaks;
        final Duration aftermath;
        final Duration faultDuration;
        String stopCondition;
        Duration stopAfter = Duration.ZERO;
        NotRunnable notRunnable;
        final AtomicInteger injections = new AtomicInteger();
        final AtomicInteger rollbacks = new AtomicInteger();
        volatile Instant rolledBackAt;

        FakeDriver(SyntheticService service, boolean breaks, Duration aftermath, Duration faultDuration) {
            this.service = service;
            this.breaks = breaks;
            this.aftermath = aftermath;
            this.faultDuration = faultDuration;
        }

        @Override
        public String target() {
            return "test";
        }

        @Override
        public void prepare(Experiment experiment) {
            if (notRunnable != null) {
                throw notRunnable;
            }
        }

        @Override
        public Duration faultDuration(Experiment experiment) {
            return faultDuration;
        }

        @Override
        public ActiveFault inject(Experiment experiment, Observation observation) {
            injections.incrementAndGet();
            Instant injected = Instant.now();
            if (breaks) {
                service.brokenFrom = injected;
            }
            return new ActiveFault() {
                @Override
                public String description() {
                    return "fake fault";
                }

                @Override
                public Optional<String> stopConditionHit() {
                    return stopCondition != null && Instant.now().isAfter(injected.plus(stopAfter)) ? Optional.of(stopCondition) : Optional.empty();
                }

                @Override
                public void rollback() {
                    rollbacks.incrementAndGet();
                    rolledBackAt = Instant.now();
                    if (breaks) {
                        service.brokenUntil = rolledBackAt.plus(aftermath);
                    }
                }

                @Override
                public List<String> events() {
                    return List.of("injected", "rolled back");
                }

                @Override
                public Map<String, String> facts() {
                    return Map.of("fake", "yes");
                }
            };
        }

        @Override
        public Optional<String> recoveryPending(Experiment experiment) {
            return Optional.empty();
        }
    }

    static Experiment experiment(double maxRecoverySeconds, Double faultErrorPercent, List<String> stops) throws IOException {
        String json = """
                {"id": "fake", "title": "fake", "description": "a fake fault", "criteria": ["NFR-AVAIL-2"],
                 "steadyState": {"hypothesis": "nothing breaks for long", "baselineSeconds": 0.4, "errorPercentAtMost": 1.0, "p95MillisBelow": 3000,
                   "duringFault": {%s "p95MillisBelow": 3000}, "recovery": {"stableSeconds": 0.5, "latencyLimitMillis": 3000}, "lostWritesAtMost": 0},
                 "maxRecoverySeconds": %s,
                 "local": {"fault": "backend-drain", "target": "s1", "durationSeconds": 1, "rationale": "fake", "stopConditions": %s}}"""
                .formatted(faultErrorPercent == null ? "" : "\"errorPercentAtMost\": " + faultErrorPercent + ",", maxRecoverySeconds,
                        new ObjectMapper().writeValueAsString(stops));
        return Experiment.parse(new ObjectMapper().readTree(json), null);
    }

    @Test
    void aFaultTheServiceAbsorbsHoldsWithAnMttrOfZeroAndAFullScore() throws IOException {
        SyntheticService service = new SyntheticService();
        FakeDriver driver = new FakeDriver(service, false, Duration.ZERO, Duration.ofMillis(800));

        ExperimentResult result = new ChaosEngine(e -> service).run(experiment(5, 1.0, List.of("alb-5xx-rate")), driver);

        assertThat(result.outcome()).as(result.checks().toString()).isEqualTo(ExperimentResult.Outcome.HELD);
        assertThat(result.mttrSeconds()).isZero();
        assertThat(result.errorPercent()).isZero();
        assertThat(result.lostWrites()).isZero();
        assertThat(result.score()).isEqualTo(100.0);
        assertThat(driver.rollbacks).hasValue(1);
        assertThat(service.stopped).isTrue();
        assertThat(result.facts()).containsEntry("fake", "yes").containsKey("observed");
    }

    @Test
    void aServiceThatRecoversLaterThanTheBoundBreaksTheHypothesisAndSaysWhichPart() throws IOException {
        SyntheticService service = new SyntheticService();
        FakeDriver driver = new FakeDriver(service, true, Duration.ofMillis(700), Duration.ofMillis(800));

        ExperimentResult result = new ChaosEngine(e -> service).run(experiment(1, null, List.of()), driver);

        assertThat(result.outcome()).isEqualTo(ExperimentResult.Outcome.BROKEN);
        assertThat(result.mttrSeconds()).isBetween(1.4, 2.5);
        assertThat(result.broken()).extracting(HypothesisCheck::name)
                .containsExactly("back to the steady state within 1 s of the fault's start (MTTR; stable for 0.5 s, every probe request answered within 3000 ms)");
        assertThat(result.errorPercent()).isEqualTo(100.0);
        assertThat(result.score()).isLessThan(50);
    }

    @Test
    void aStopConditionInAlarmAbortsTheFaultAndRollsItBackAtOnce() throws IOException {
        SyntheticService service = new SyntheticService();
        FakeDriver driver = new FakeDriver(service, true, Duration.ZERO, Duration.ofSeconds(10));
        driver.stopCondition = "alb-5xx-rate";
        driver.stopAfter = Duration.ofMillis(300);
        Instant began = Instant.now();

        ExperimentResult result = new ChaosEngine(e -> service).run(experiment(20, 100.0, List.of("alb-5xx-rate")), driver);

        assertThat(driver.rollbacks).hasValue(1);
        assertThat(Duration.between(began, driver.rolledBackAt)).as("rolled back long before the fault's 10 s").isLessThan(Duration.ofSeconds(3));
        assertThat(result.outcome()).isEqualTo(ExperimentResult.Outcome.BROKEN);
        assertThat(result.stopConditionHit()).isEqualTo("alb-5xx-rate");
        assertThat(result.broken()).extracting(HypothesisCheck::name).containsExactly("no stop condition in alarm (alb-5xx-rate)");
        assertThat(result.events()).anyMatch(e -> e.contains("stop condition alb-5xx-rate in alarm"));
    }

    @Test
    void nothingIsInjectedWhenTheSteadyStateDoesNotHoldBeforehand() throws IOException {
        SyntheticService service = new SyntheticService();
        service.brokenFrom = Instant.now().minusSeconds(1);
        FakeDriver driver = new FakeDriver(service, false, Duration.ZERO, Duration.ofMillis(500));

        ExperimentResult result = new ChaosEngine(e -> service).run(experiment(5, null, List.of()), driver);

        assertThat(result.outcome()).isEqualTo(ExperimentResult.Outcome.NOT_STEADY);
        assertThat(driver.injections).hasValue(0);
        assertThat(result.notRunReason()).contains("the steady state did not hold before the fault");
        assertThat(service.stopped).isTrue();
    }

    @Test
    void anExperimentThatCannotRunHereIsReportedAsNotRunnable() throws IOException {
        SyntheticService service = new SyntheticService();
        FakeDriver driver = new FakeDriver(service, false, Duration.ZERO, Duration.ofMillis(500));
        driver.notRunnable = new NotRunnable("no such fault here");
        AtomicBoolean observed = new AtomicBoolean();

        ExperimentResult result = new ChaosEngine(e -> {
            observed.set(true);
            return service;
        }).run(experiment(5, null, List.of()), driver);

        assertThat(result.outcome()).isEqualTo(ExperimentResult.Outcome.NOT_RUNNABLE);
        assertThat(result.notRunReason()).isEqualTo("no such fault here");
        assertThat(observed).isFalse();
        assertThat(driver.injections).hasValue(0);
    }

    @Test
    void aLostWriteBreaksTheHypothesisAndScoresZero() throws IOException {
        SyntheticService service = new SyntheticService();
        service.lost = 1;
        FakeDriver driver = new FakeDriver(service, false, Duration.ZERO, Duration.ofMillis(500));

        ExperimentResult result = new ChaosEngine(e -> service).run(experiment(5, null, List.of()), driver);

        assertThat(result.outcome()).isEqualTo(ExperimentResult.Outcome.BROKEN);
        assertThat(result.lostWrites()).isEqualTo(1);
        assertThat(result.score()).isZero();
        assertThat(result.broken()).extracting(HypothesisCheck::name).containsExactly("at most 0 acknowledged writes lost");
    }

    @Test
    void theScoreWeighsAvailabilityRecoveryLatencyAndContainment() {
        assertThat(ResilienceScore.of(0, 0.0, 30, 100, 3000, false, 0)).isEqualTo(100.0);
        assertThat(ResilienceScore.of(50, 15.0, 30, 6000, 3000, false, 0)).isEqualTo(20 + 15 + 10 + 10);
        assertThat(ResilienceScore.of(0, null, 30, 100, 3000, true, 0)).isEqualTo(40 + 0 + 20 + 0);
        assertThat(ResilienceScore.of(0, 0.0, 30, 100, 3000, false, 1)).isZero();
        assertThat(ResilienceScore.of(0, 2.0, 0, 100, 3000, false, 0)).isEqualTo(70.0);
    }
}
