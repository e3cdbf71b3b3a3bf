package org.faithbot.verification.merge;

import org.faithbot.verification.catalogue.Criterion;
import org.faithbot.verification.catalogue.ProofLevel;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.report.CriterionResult;
import org.faithbot.verification.report.CriterionStatus;
import org.faithbot.verification.report.Judgement;
import org.faithbot.verification.evidence.ScenarioOutcome;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One criterion over the fresh runs that touched it. For each target (local, staging, production) the runs combine:
 * each scenario counts by its latest outcome, with the records it made then, so weekly game days, deployments and
 * quarterly drills add up to the criterion's full set of scenarios; the target's view is then judged as one run is
 * ({@link Judgement}). Over the targets: a failure anywhere fails it; a pass at its required level passes it; a pass
 * below it rehearses it; otherwise it is partial or skipped.
 */
final class CriterionMerge {

    private CriterionMerge() {
    }

    record View(String target, Judgement judged, List<ScenarioOutcome> scenarios, List<String> expected, List<Evidence> evidence) {
    }

    static CriterionResult merge(Criterion criterion, int written, List<Contribution> fresh) {
        Map<String, List<Contribution>> byTarget = fresh.stream()
                .sorted(Comparator.comparing((Contribution c) -> c.run().generatedAt()).reversed())
                .collect(Collectors.groupingBy(c -> c.run().target(), LinkedHashMap::new, Collectors.toList()));
        List<View> views = byTarget.entrySet().stream().map(e -> view(criterion, written, e.getKey(), e.getValue())).toList();
        View chosen = choose(views);
        List<String> failures = new ArrayList<>();
        views.forEach(v -> v.judged().failures().forEach(f -> failures.add(v.target() + ": " + f)));
        List<Evidence> evidence = views.stream().flatMap(v -> v.evidence().stream()).toList();
        List<ScenarioOutcome> scenarios = views.stream().flatMap(v -> v.scenarios().stream()).toList();
        String from = fresh.stream().map(c -> c.run().describe()).distinct().collect(Collectors.joining("; "));
        return new CriterionResult(criterion, chosen.judged().status(), chosen.judged().shownAt(), written,
                chosen.expected().size(), chosen.scenarios().size(), List.copyOf(failures), evidence, scenarios, chosen.expected(),
                List.of(), null, "judged on the " + chosen.target() + " evidence; from: " + from);
    }

    /** One target's runs as one: the latest outcome of each scenario and the records it made in that run. */
    private static View view(Criterion criterion, int written, String target, List<Contribution> newestFirst) {
        Map<String, ScenarioOutcome> latest = new LinkedHashMap<>();
        Map<String, Contribution> from = new LinkedHashMap<>();
        Set<String> expected = new LinkedHashSet<>();
        for (Contribution c : newestFirst) {
            expected.addAll(c.ran().expectedScenarios());
            for (ScenarioOutcome o : c.ran().scenarios()) {
                if (latest.putIfAbsent(o.name(), o) == null) {
                    from.put(o.name(), c);
                }
            }
        }
        List<Evidence> records = new ArrayList<>();
        Contribution newest = newestFirst.getFirst();
        for (Contribution c : newestFirst) {
            for (Evidence e : c.ran().evidence()) {
                boolean ofItsScenario = e.scenario() != null && from.get(e.scenario()) == c;
                boolean unattached = (e.scenario() == null || !from.containsKey(e.scenario())) && c == newest;
                if (ofItsScenario || unattached) {
                    records.add(e);
                }
            }
        }
        List<ScenarioOutcome> ran = List.copyOf(latest.values());
        Judgement judged = Judgement.of(criterion, target, written, expected.size(), ran, records);
        return new View(target, judged, ran, List.copyOf(expected), List.copyOf(records));
    }

    private static View choose(List<View> views) {
        for (CriterionStatus wanted : List.of(CriterionStatus.FAILED, CriterionStatus.PASSED, CriterionStatus.REHEARSED,
                CriterionStatus.PARTIAL, CriterionStatus.SKIPPED)) {
            List<View> matching = views.stream().filter(v -> v.judged().status() == wanted).toList();
            if (!matching.isEmpty()) {
                return matching.stream().max(Comparator.comparing(v -> rank(v.judged().shownAt()))).orElseThrow();
            }
        }
        return views.getFirst();
    }

    private static int rank(ProofLevel level) {
        return level == null ? -1 : level == ProofLevel.SIGN_OFF ? 10 : level.ordinal();
    }
}
