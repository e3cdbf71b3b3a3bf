package org.faithbot.verification.chaos;

import org.faithbot.verification.evidence.Comparator;
import org.faithbot.verification.evidence.Figure;
import org.faithbot.verification.load.LoadRun;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The figures a game day records: each experiment's time to recover, error rate and p95 during the fault, lost
 * writes and resilience score (or, when the steady state did not hold, the error rate before the fault), and the
 * game day's own totals; with the text of an experiment's report attachment.
 */
public final class ExperimentFigures {

    private ExperimentFigures() {
    }

    /** Every figure of an experiment that ran (or was judged not steady), with its conditions. */
    public static List<Figure> of(ExperimentResult result) {
        String id = result.experiment().id();
        double bound = result.experiment().maxRecovery().toMillis() / 1000.0;
        String conditions = "experiment " + id + " (chaos-experiments/" + id + ".json) on the " + result.target() + " target: " + result.faultDescription()
                + " for " + String.format("%.1f s", result.faultLength().toMillis() / 1000.0) + "; " + result.facts().getOrDefault("observed", "");
        var steady = result.experiment().steadyState();
        List<Figure> figures = new ArrayList<>();
        if (result.outcome() == ExperimentResult.Outcome.NOT_STEADY) {
            figures.add(Figure.of(id + ": error rate before the fault (steady state not met, nothing injected)", result.baselineErrorPercent(), "%")
                    .atMost(steady.errorPercentAtMost()));
        } else {
            figures.add(result.mttrSeconds() != null
                    ? Figure.of(id + ": time to recover (MTTR, from the fault's start to the probe's first stable healthy stretch)",
                    result.mttrSeconds(), "s").atMost(bound)
                    : Figure.of(id + ": time to recover (MTTR): not recovered within the time observed", result.observedSeconds(), "s").lessThan(bound));
            figures.add(Figure.of(id + ": error rate during the fault (" + result.failedRequests() + " of " + result.requests()
                    + " requests, probe and load)", result.errorPercent(), "%").judged(Comparator.AT_MOST, steady.faultErrorPercentAtMost()));
            figures.add(Figure.of(id + ": p95 latency during the fault", result.p95Millis(), "ms").judged(Comparator.LESS_THAN, steady.faultP95MillisBelow()));
            figures.add(Figure.of(id + ": acknowledged writes lost (of " + result.acknowledgedWrites() + " acknowledged)", result.lostWrites(), "writes")
                    .atMost(steady.lostWritesAtMost()));
            figures.add(Figure.of(id + ": resilience score (40 availability + 30 recovery + 20 latency + 10 containment)", result.score(), "/100"));
            if (result.incident() != null) {
                figures.addAll(ofIncident(result));
            }
            if (result.facts().containsKey("FIS experiment id")) {
                // whether the fault was injected as declared is a part of the hypothesis, judged by its step; this is how long it lasted
                Map<String, String> facts = result.facts();
                figures.add(Figure.of(id + ": time under the fault of FIS experiment " + facts.get("FIS experiment id") + " of template "
                        + facts.get("FIS experiment template id") + ", ended " + facts.get("FIS final state") + " (states: "
                        + facts.getOrDefault("FIS states", "") + ")", result.faultLength().toMillis() / 1000.0, "s"));
            }
        }
        return figures.stream().map(f -> f.when(conditions)).toList();
    }

    /**
     * The game day's totals over the experiments that ran under load: how many ran (judged against {@code minimum}
     * only when every experiment was selected), the longest MTTR against the requirement's 30 minutes and the writes
     * lost (both only when some experiment ran: over none they would be typed, not measured), and the background
     * load's failed requests over the whole day.
     */
    public static List<Figure> ofGameDay(GameDay.Summary summary, List<ExperimentResult> ran, Integer minimum, String conditions) {
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("experiments run under load in this game day (" + ran.stream().map(r -> r.experiment().id()).toList() + ")",
                ran.size(), "experiments").judged(Comparator.AT_LEAST, minimum == null ? null : minimum.doubleValue()));
        if (!ran.isEmpty()) {
            ExperimentResult slowest = ran.stream().max(java.util.Comparator.comparingDouble(r -> r.mttrSeconds() == null
                    ? Double.POSITIVE_INFINITY : r.mttrSeconds())).orElseThrow();
            double longest = slowest.mttrSeconds() == null ? Double.POSITIVE_INFINITY : slowest.mttrSeconds();
            figures.add(Figure.of("longest MTTR of the game day's experiments (" + slowest.experiment().id() + "; NFR: MTTR < 30 min)", longest, "s")
                    .lessThan(1800));
            figures.add(Figure.of("acknowledged writes lost over the game day (of " + ran.stream().mapToInt(ExperimentResult::acknowledgedWrites).sum()
                    + " acknowledged)", ran.stream().mapToInt(ExperimentResult::lostWrites).sum(), "writes").equalTo(0));
        }
        LoadRun load = summary.load();
        if (load != null) {
            figures.add(Figure.of("background load over the whole game day, faults included: failed requests ("
                    + load.stats().global().ko() + " of " + load.stats().global().total() + ")", load.stats().global().errorPercent(), "%"));
        }
        return figures.stream().map(f -> f.when(conditions)).toList();
    }

    /** An experiment's incident: each expected alert's time to detect and to acknowledge, every page's time to resolve, the alerts missed. */
    static List<Figure> ofIncident(ExperimentResult result) {
        String id = result.experiment().id();
        Incident incident = result.incident();
        List<Figure> figures = new ArrayList<>();
        if (incident.alerting() == null) {
            return figures;
        }
        double within = incident.alerting().detectWithin().toMillis() / 1000.0;
        for (Incident.Paged page : incident.detected()) {
            figures.add(Figure.of(id + ": time to detect (fault to the " + page.alert() + " page)", page.detectSeconds(), "s").atMost(within));
            if (page.acknowledgeSeconds() != null) {
                figures.add(Figure.of(id + ": time to acknowledge (fault to the on-call's acknowledgement of " + page.alert() + "; SC-OPS-1: 15 min)",
                        page.acknowledgeSeconds(), "s").lessThan(900));
            }
        }
        for (Incident.Paged page : incident.paged()) {
            if (page.resolveSeconds() != null) {
                figures.add(Figure.of(id + ": time to resolve (fault's end to " + page.alert() + " no longer firing)", page.resolveSeconds(), "s")
                        .atMost(incident.resolveWithin().toSeconds()));
            }
        }
        figures.add(Figure.of(id + ": alerts missed (expected " + incident.alerting().expected() + ")", incident.missed().size(), "alerts").equalTo(0));
        figures.add(Figure.of(id + ": alerts paged for what the experiment does not expect", incident.unexpected().size(), "alerts").equalTo(0));
        return figures;
    }

    /**
     * The game day's detection over the experiments the monitoring watched: alerts missed and alerts paged unexpected (both
     * judged to be none), the longest time to detect against the local goal, to acknowledge against SC-OPS-1's 15 minutes,
     * and to resolve.
     */
    public static List<Figure> ofDetection(List<ExperimentResult> watched, String conditions) {
        List<Incident> incidents = watched.stream().map(ExperimentResult::incident).toList();
        List<String> missed = watched.stream().flatMap(r -> r.incident().missed().stream().map(a -> r.experiment().id() + ": " + a)).toList();
        List<String> unexpected = watched.stream().flatMap(r -> r.incident().unexpected().stream().map(p -> r.experiment().id() + ": " + p.alert())).toList();
        long expecting = incidents.stream().filter(i -> i.alerting() != null && !i.alerting().silent()).count();
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("alerts missed over the game day (" + expecting + " of " + watched.size() + " experiments expect a page"
                + (missed.isEmpty() ? "" : "; missed: " + missed) + ")", missed.size(), "alerts").equalTo(0));
        figures.add(Figure.of("alerts paged for faults the service absorbs or alerts not expected" + (unexpected.isEmpty() ? "" : " (" + unexpected + ")"),
                unexpected.size(), "alerts").equalTo(0));
        longest(figures, watched, "longest time to detect (fault to the page; local goal 60 s, SC-OPS-1: 15 min)", Incident.Paged::detectSeconds, 60);
        longest(figures, watched, "longest time to acknowledge (fault to the on-call's acknowledgement; SC-OPS-1: 15 min)", Incident.Paged::acknowledgeSeconds, 900);
        longest(figures, watched, "longest time to resolve (fault's end to the alert no longer firing)", Incident.Paged::resolveSeconds,
                incidents.getFirst().resolveWithin().toSeconds());
        return figures.stream().map(f -> f.when(conditions)).toList();
    }

    private static void longest(List<Figure> figures, List<ExperimentResult> watched, String name,
                                java.util.function.Function<Incident.Paged, Double> figure, double limit) {
        watched.stream().flatMap(r -> r.incident().detected().stream().filter(p -> figure.apply(p) != null)
                        .map(p -> Map.entry(r.experiment().id() + " " + p.alert(), figure.apply(p))))
                .max(Map.Entry.comparingByValue())
                .ifPresent(worst -> figures.add(Figure.of(name + ": " + worst.getKey(), worst.getValue(), "s").lessThan(limit)));
    }

    /**
     * The pre-flight of the FIS templates: those its guard rails refused, judged to be none, counted over the experiments
     * with a template; nothing when none has one (the step fails on that).
     */
    public static List<Figure> ofPreflight(GameDay.Preflight preflight) {
        int templates = preflight.passed().size() + preflight.refused().size();
        if (templates == 0) {
            return List.of();
        }
        return List.of(Figure.of("FIS experiment templates refused by the guard rails (" + FisGuardrails.OPT_IN_TAG + " targets, stop-condition "
                + "alarms in OK)", preflight.refused().size(), "templates").equalTo(0).when(preflight.passed().size() + " of " + templates
                + " templates passed in the game day's pre-flight: " + preflight.passed() + (preflight.refused().isEmpty() ? ""
                : "; refused: " + preflight.refused())));
    }

    /** The text of an experiment's report attachment: its summary, hypothesis, fault, checks, facts and events. */
    public static String describe(ExperimentResult result) {
        StringBuilder text = new StringBuilder();
        text.append(result.summary()).append("\n\nHypothesis: ").append(result.experiment().steadyState().hypothesis()).append("\n");
        if (!result.faultDescription().isEmpty()) {
            text.append("Fault: ").append(result.faultDescription()).append("\n");
        }
        if (result.experiment().local() != null && !result.experiment().local().rationale().isEmpty() && "local".equals(result.target())) {
            text.append("Local equivalent: ").append(result.experiment().local().rationale()).append("\n");
        }
        text.append("\n");
        result.checks().forEach(c -> text.append(c.describe()).append("\n"));
        if (!result.facts().isEmpty()) {
            text.append("\nFacts:\n");
            result.facts().forEach((k, v) -> text.append("  ").append(k).append(": ").append(v).append("\n"));
        }
        if (!result.events().isEmpty()) {
            text.append("\nEvents:\n");
            result.events().forEach(e -> text.append("  ").append(e).append("\n"));
        }
        return text.toString();
    }
}
