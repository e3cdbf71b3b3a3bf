package org.faithbot.verification.chaos;

import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.faithbot.verification.traffic.ProbeSample;
import org.faithbot.verification.traffic.ProbeTimeline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs an experiment, the same way for every driver (Chaos Toolkit's method): measure the steady
 * state under load; inject the fault; observe continuously, aborting as soon as a stop condition is
 * in alarm; roll the fault back (always); observe until the service is back to its steady state or
 * the recovery bound has passed; then read back every acknowledged write and judge each part of the
 * hypothesis.
 */
public final class ChaosEngine {

    static final Duration TICK = Duration.ofMillis(250);
    /** Observed past the recovery bound before concluding it did not recover. */
    static final Duration MARGIN = Duration.ofSeconds(2);
    static final int BASELINE_ATTEMPTS = 3;
    static final Duration BASELINE_PAUSE = Duration.ofSeconds(2);

    private final Function<Experiment, Observation> observations;

    /** {@code observations} starts the steady-state measurement of one experiment (the probe, beside the load). */
    public ChaosEngine(Function<Experiment, Observation> observations) {
        this.observations = observations;
    }

    public ExperimentResult run(Experiment experiment, ChaosDriver driver) {
        try {
            driver.prepare(experiment);
        } catch (NotRunnable e) {
            return notRun(experiment, driver, ExperimentResult.Outcome.NOT_RUNNABLE, e.getMessage());
        } catch (GuardrailViolation e) {
            return notRun(experiment, driver, ExperimentResult.Outcome.REFUSED, e.getMessage());
        }
        SteadyState hypothesis = experiment.steadyState();
        Observation observation = observations.apply(experiment);
        boolean observing = true;
        try {
            // the steady state must hold over a whole baseline before anything is injected; a few tries, as a
            // service under load may be between two health checks when the experiment begins
            double baselineErrors = 0;
            double baselineP95 = 0;
            String notSteady = null;
            List<String> events = new ArrayList<>();
            for (int attempt = 1; attempt <= BASELINE_ATTEMPTS; attempt++) {
                Instant baselineStart = Instant.now();
                Instant baselineUntil = baselineStart.plus(seconds(hypothesis.baselineSeconds()));
                Optional<String> notWhole = Optional.empty();
                while (Instant.now().isBefore(baselineUntil) && notWhole.isEmpty()) {
                    notWhole = driver.recoveryPending(experiment);
                    sleep(TICK);
                }
                Instant baselineEnd = Instant.now();
                ProbeTimeline baseline = new ProbeTimeline(observation.allSamples());
                baselineErrors = baseline.errorPercent(baselineStart, baselineEnd);
                baselineP95 = baseline.p95Millis(baselineStart, baselineEnd);
                long baselineCount = baseline.count(baselineStart, baselineEnd);
                if (notWhole.isEmpty() && baselineCount > 0 && baselineErrors <= hypothesis.errorPercentAtMost() && baselineP95 < hypothesis.p95MillisBelow()) {
                    notSteady = null;
                    break;
                }
                notSteady = String.format("%.2f %% errors, p95 %.0f ms over %d requests (steady state: at most %.2f %% errors, p95 below %.0f ms)%s",
                        baselineErrors, baselineP95, baselineCount, hypothesis.errorPercentAtMost(), hypothesis.p95MillisBelow(),
                        notWhole.map(n -> "; the target was not whole: " + n).orElse(""));
                events.add(Instant.now() + " baseline " + attempt + " of " + BASELINE_ATTEMPTS + ": not steady: " + notSteady);
                if (attempt < BASELINE_ATTEMPTS) {
                    sleep(BASELINE_PAUSE);
                }
            }
            if (notSteady != null) {
                observation.stop();
                observing = false;
                String reason = "the steady state did not hold before the fault (" + BASELINE_ATTEMPTS + " baselines), so nothing was injected: " + notSteady;
                return new ExperimentResult(experiment, driver.target(), ExperimentResult.Outcome.NOT_STEADY, "", null, null, null, 0, 0, 0, 0,
                        baselineErrors, baselineP95, 0, 0, null,
                        List.of(new HypothesisCheck("steady state before the fault", reason, false)), 0, Map.of(), List.copyOf(events), reason, 0, null);
            }

            Instant faultStart = Instant.now();
            ActiveFault fault = driver.inject(experiment, observation);
            String stopConditionHit = null;
            Instant faultEnd;
            try {
                Instant holdUntil = faultStart.plus(driver.faultDuration(experiment));
                while (Instant.now().isBefore(holdUntil) && !fault.finished()) {
                    Optional<String> hit = fault.stopConditionHit();
                    if (hit.isPresent()) {
                        stopConditionHit = hit.get();
                        events.add(Instant.now() + " stop condition " + stopConditionHit + " in alarm: the fault is aborted and rolled back");
                        break;
                    }
                    sleep(TICK);
                }
            } finally {
                fault.rollback();
                faultEnd = Instant.now();
            }

            Duration stable = seconds(hypothesis.stableSeconds());
            Instant latest = faultStart.plus(experiment.maxRecovery()).isAfter(faultEnd) ? faultStart.plus(experiment.maxRecovery()) : faultEnd;
            Instant deadline = latest.plus(stable).plus(MARGIN);
            Optional<String> pending = driver.recoveryPending(experiment);
            Instant wholeAt = null;
            while (true) {
                Instant now = Instant.now();
                pending = driver.recoveryPending(experiment);
                if (pending.isPresent()) {
                    wholeAt = null;
                } else if (wholeAt == null) {
                    wholeAt = now;
                }
                if (!now.isBefore(faultEnd.plus(stable)) && pending.isEmpty()
                        && Recovery.recoveredAt(observation.probeSamples(), faultStart, now, stable, hypothesis.latencyLimitMillis()).isPresent()) {
                    break;
                }
                if (!now.isBefore(deadline)) {
                    break;
                }
                sleep(TICK);
            }
            Instant observedUntil = Instant.now();
            observation.stop();
            observing = false;
            Optional<Instant> recoveredAt = Recovery.recoveredAt(observation.probeSamples(), faultStart, observedUntil, stable,
                    hypothesis.latencyLimitMillis());
            List<AcknowledgedWrite> lost = observation.lostWrites();
            events.addAll(fault.events());
            if (wholeAt != null) {
                events.add(wholeAt + " the target is whole again (" + String.format("%.1f s after the fault's start", Duration.between(faultStart, wholeAt).toMillis() / 1000.0) + ")");
            }
            return judge(experiment, driver, fault, observation, baselineErrors, baselineP95, faultStart, faultEnd, observedUntil,
                    recoveredAt, pending, stopConditionHit, lost, events);
        } finally {
            if (observing) {
                observation.stop();
            }
        }
    }

    private static ExperimentResult judge(Experiment experiment, ChaosDriver driver, ActiveFault fault, Observation observation,
                                          double baselineErrors, double baselineP95, Instant faultStart, Instant faultEnd, Instant observedUntil,
                                          Optional<Instant> recoveredAt, Optional<String> pending, String stopConditionHit,
                                          List<AcknowledgedWrite> lost, List<String> events) {
        SteadyState hypothesis = experiment.steadyState();
        ProbeTimeline all = new ProbeTimeline(observation.allSamples());
        Instant windowEnd = faultEnd.isAfter(faultStart) ? faultEnd : faultStart.plusMillis(1);
        long requests = all.count(faultStart, windowEnd);
        long failed = all.failures(faultStart, windowEnd);
        double errorPercent = all.errorPercent(faultStart, windowEnd);
        double p95 = all.p95Millis(faultStart, windowEnd);
        Double mttr = recoveredAt.map(at -> Duration.between(faultStart, at).toMillis() / 1000.0).orElse(null);
        double bound = experiment.maxRecovery().toMillis() / 1000.0;

        List<HypothesisCheck> checks = new ArrayList<>();
        checks.add(new HypothesisCheck(String.format("steady state before the fault (at most %s %% errors, p95 below %.0f ms)",
                num(hypothesis.errorPercentAtMost()), hypothesis.p95MillisBelow()),
                String.format("%.2f %% errors, p95 %.0f ms", baselineErrors, baselineP95), true));
        Optional<String> notInjected = fault.notInjected();
        checks.add(new HypothesisCheck("the fault was injected as declared", notInjected.orElse(fault.description()), notInjected.isEmpty()));
        if (hypothesis.faultErrorPercentAtMost() != null) {
            checks.add(new HypothesisCheck(String.format("at most %s %% of requests fail during the fault", num(hypothesis.faultErrorPercentAtMost())),
                    String.format("%.2f %% (%d of %d)", errorPercent, failed, requests), errorPercent <= hypothesis.faultErrorPercentAtMost()));
        }
        if (hypothesis.faultP95MillisBelow() != null) {
            checks.add(new HypothesisCheck(String.format("p95 below %.0f ms during the fault", hypothesis.faultP95MillisBelow()),
                    String.format("p95 %.0f ms over %d requests", p95, requests), p95 < hypothesis.faultP95MillisBelow()));
        }
        if (!experiment.stopConditions().isEmpty()) {
            checks.add(new HypothesisCheck("no stop condition in alarm (" + String.join(", ", experiment.stopConditions()) + ")",
                    stopConditionHit == null ? "none in alarm" : stopConditionHit + " in alarm: the fault was aborted", stopConditionHit == null));
        }
        String recoveryName = String.format("back to the steady state within %s s of the fault's start (MTTR; stable for %s s, every probe request answered within %.0f ms)",
                num(bound), num(hypothesis.stableSeconds()), hypothesis.latencyLimitMillis());
        checks.add(new HypothesisCheck(recoveryName,
                mttr == null ? String.format("not recovered within the %.1f s observed", Duration.between(faultStart, observedUntil).toMillis() / 1000.0)
                        : String.format("MTTR %.1f s", mttr),
                mttr != null && mttr <= bound));
        checks.add(new HypothesisCheck(String.format("the target is whole again within %s s", num(bound)),
                pending.map(p -> "still pending: " + p).orElse("nothing pending"), pending.isEmpty()));
        checks.add(new HypothesisCheck(String.format("at most %d acknowledged writes lost", hypothesis.lostWritesAtMost()),
                String.format("%d lost of %d acknowledged%s", lost.size(), observation.acknowledgedWrites(),
                        lost.isEmpty() ? "" : ": " + lost.stream().limit(5).map(AcknowledgedWrite::messageId).toList()),
                lost.size() <= hypothesis.lostWritesAtMost()));

        boolean held = checks.stream().allMatch(HypothesisCheck::held);
        double score = ResilienceScore.of(errorPercent, mttr, bound, p95, hypothesis.p95MillisBelow(), stopConditionHit != null, lost.size());
        Map<String, String> facts = new LinkedHashMap<>(fault.facts());
        facts.put("observed", observation.describe());
        return new ExperimentResult(experiment, driver.target(), held ? ExperimentResult.Outcome.HELD : ExperimentResult.Outcome.BROKEN,
                fault.description(), faultStart, faultEnd, mttr, errorPercent, p95, requests, failed, baselineErrors, baselineP95,
                observation.acknowledgedWrites(), lost.size(), stopConditionHit, List.copyOf(checks), score, Map.copyOf(facts),
                List.copyOf(events), null, Duration.between(faultStart, observedUntil).toMillis() / 1000.0, null);
    }

    private static ExperimentResult notRun(Experiment experiment, ChaosDriver driver, ExperimentResult.Outcome outcome, String reason) {
        return new ExperimentResult(experiment, driver.target(), outcome, "", null, null, null, 0, 0, 0, 0, 0, 0, 0, 0, null,
                List.of(), 0, Map.of(), List.of(), reason, 0, null);
    }

    static String num(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during an experiment", e);
        }
    }
}
