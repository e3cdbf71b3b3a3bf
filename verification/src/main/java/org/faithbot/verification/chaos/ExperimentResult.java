package org.faithbot.verification.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What an experiment showed: the figures under the fault, the time to recover, the writes lost,
 * each part of the hypothesis judged, and a resilience score computed from the figures.
 *
 * @param mttrSeconds          from the fault's start to the start of the probe's first stable healthy
 *                             stretch after its last failed or slow request (0: nothing seen); null
 *                             when it did not recover while observed
 * @param errorPercent         failed requests during the fault (probe and background load), in %
 * @param p95Millis            p95 latency of the requests started during the fault
 * @param stopConditionHit     the alarm key that aborted the fault, or null
 * @param observedSeconds      how long after the fault's start the service was observed
 * @param incident             what the monitoring paged about the fault, judged; null when it was not watched
 */
public record ExperimentResult(Experiment experiment, String target, Outcome outcome, String faultDescription,
                               Instant faultStart, Instant faultEnd, Double mttrSeconds, double errorPercent, double p95Millis,
                               long requests, long failedRequests, double baselineErrorPercent, double baselineP95Millis,
                               int acknowledgedWrites, int lostWrites, String stopConditionHit, List<HypothesisCheck> checks,
                               double score, Map<String, String> facts, List<String> events, String notRunReason,
                               double observedSeconds, Incident incident) {

    public enum Outcome {
        /** Every part of the hypothesis held. */
        HELD,
        /** Some part of the hypothesis broke (or a stop condition aborted the fault). */
        BROKEN,
        /** The steady state did not hold before the fault: nothing was injected. */
        NOT_STEADY,
        /** The experiment cannot run on this target (yet): nothing was injected. */
        NOT_RUNNABLE,
        /** A guard rail refused it: nothing was injected. */
        REFUSED
    }

    /** A copy with the monitoring's incident: its checks join the hypothesis's (a missed or unexpected alert breaks it). */
    public ExperimentResult withIncident(Incident watched) {
        List<HypothesisCheck> all = new java.util.ArrayList<>(checks);
        all.addAll(watched.checks());
        List<String> allEvents = new java.util.ArrayList<>(events);
        allEvents.addAll(watched.events());
        Outcome judged = outcome == Outcome.HELD && !watched.checks().stream().allMatch(HypothesisCheck::held) ? Outcome.BROKEN : outcome;
        return new ExperimentResult(experiment, target, judged, faultDescription, faultStart, faultEnd, mttrSeconds, errorPercent, p95Millis,
                requests, failedRequests, baselineErrorPercent, baselineP95Millis, acknowledgedWrites, lostWrites, stopConditionHit,
                List.copyOf(all), score, facts, List.copyOf(allEvents), notRunReason, observedSeconds, watched);
    }

    public boolean held() {
        return outcome == Outcome.HELD;
    }

    public List<HypothesisCheck> broken() {
        return checks.stream().filter(c -> !c.held()).toList();
    }

    public Duration faultLength() {
        return faultStart == null || faultEnd == null ? Duration.ZERO : Duration.between(faultStart, faultEnd);
    }

    /** One line per figure, for the report and the console. */
    public String summary() {
        if (outcome == Outcome.NOT_RUNNABLE || outcome == Outcome.REFUSED || outcome == Outcome.NOT_STEADY) {
            return String.format("%-22s %-12s %s", experiment.id(), outcome, notRunReason);
        }
        return String.format("%-22s %-8s MTTR %6s s | errors %6.2f %% of %5d | p95 %7.0f ms | lost writes %d of %d | score %5.1f%s",
                experiment.id(), outcome, mttrSeconds == null ? "n/a" : String.format("%.1f", mttrSeconds), errorPercent, requests,
                p95Millis, lostWrites, acknowledgedWrites, score, stopConditionHit == null ? "" : " | aborted by " + stopConditionHit);
    }
}
