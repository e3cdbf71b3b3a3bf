package org.faithbot.verification.report;

import org.faithbot.verification.catalogue.CoverageCheck;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.Criterion;
import org.faithbot.verification.catalogue.FeatureIndex;
import org.faithbot.verification.catalogue.SpecScenario;
import org.faithbot.verification.evidence.Evidence;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The per-criterion summary of a run and the launch verdict, computed from what ran and what it
 * measured, never typed in. GO needs every criterion passed; on the local target the criteria that
 * only staging or production can judge keep the verdict at NO-GO until their evidence exists.
 */
public record LaunchSummary(String target, List<CriterionResult> results, CoverageCheck coverage) {

    public static LaunchSummary of(String target, CriteriaCatalogue catalogue, FeatureIndex features,
                                   List<ScenarioOutcome> outcomes, List<Evidence> evidence) {
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion criterion : catalogue.all()) {
            List<SpecScenario> written = features.scenariosFor(criterion);
            List<ScenarioOutcome> ran = outcomes.stream().filter(o -> o.tags().contains(criterion.tag())).toList();
            List<String> failures = ran.stream().filter(ScenarioOutcome::failed)
                    .map(o -> o.name() + ": " + o.status() + (o.error() == null ? "" : " - " + o.error())).toList();
            List<String> measured = evidence.stream().filter(e -> e.criterion().equals(criterion.id())).map(Evidence::describe).toList();
            results.add(new CriterionResult(criterion, statusOf(criterion, target, written, ran, failures), written.size(),
                    ran.size(), failures, measured));
        }
        return new LaunchSummary(target, List.copyOf(results), CoverageCheck.of(catalogue, features));
    }

    /**
     * A criterion passes only where it can be judged: what the local target or a static check shows of a
     * criterion that only staging or production can judge keeps it at STAGING_ONLY (its failures still
     * fail it). A scenario skipped on this target keeps the criterion at SKIPPED, whatever else passed.
     */
    private static CriterionStatus statusOf(Criterion criterion, String target, List<SpecScenario> written,
                                            List<ScenarioOutcome> ran, List<String> failures) {
        if (written.isEmpty()) {
            return CriterionStatus.NOT_COVERED;
        }
        if (!failures.isEmpty()) {
            return CriterionStatus.FAILED;
        }
        if (ran.stream().anyMatch(o -> !o.passed())) {
            return CriterionStatus.SKIPPED;
        }
        if (!ran.isEmpty()) {
            return criterion.judgedOn(target) ? CriterionStatus.PASSED : CriterionStatus.STAGING_ONLY;
        }
        if (written.stream().noneMatch(s -> s.runsOn(target))) {
            return CriterionStatus.STAGING_ONLY;
        }
        return CriterionStatus.SKIPPED;
    }

    public Map<CriterionStatus, Integer> counts() {
        Map<CriterionStatus, Integer> counts = new EnumMap<>(CriterionStatus.class);
        for (CriterionStatus status : CriterionStatus.values()) {
            counts.put(status, 0);
        }
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    public String verdict() {
        return counts().get(CriterionStatus.PASSED) == results.size() ? "GO" : "NO-GO";
    }

    /** The summary as printed at the end of a run. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("\n================ LAUNCH READINESS: per-criterion summary (target: ").append(target).append(") ================\n");
        String group = null;
        for (CriterionResult r : results) {
            if (!r.criterion().groupId().equals(group)) {
                group = r.criterion().groupId();
                out.append('\n').append(group).append("  ").append(r.criterion().groupTitle()).append('\n');
            }
            out.append(String.format("  %-12s %-13s %s%n", r.criterion().id(), r.status().label().toUpperCase(), r.criterion().title()));
            r.evidence().forEach(e -> out.append("                             evidence: ").append(e).append('\n'));
            r.failures().forEach(f -> out.append("                             failure:  ").append(firstLine(f)).append('\n'));
        }
        Map<CriterionStatus, Integer> counts = counts();
        out.append("\nCriteria: ").append(results.size());
        for (CriterionStatus status : CriterionStatus.values()) {
            out.append(" | ").append(status.label()).append(": ").append(counts.get(status));
        }
        out.append('\n');
        if (!coverage.unknownCriterionTags().isEmpty()) {
            out.append("Tags naming no criterion of the catalogue: ").append(coverage.unknownCriterionTags()).append('\n');
        }
        out.append("Verdict: ").append(verdict());
        if (verdict().equals("NO-GO")) {
            out.append(" (").append(counts.get(CriterionStatus.FAILED)).append(" failed, ")
                    .append(counts.get(CriterionStatus.NOT_COVERED)).append(" not yet covered, ")
                    .append(counts.get(CriterionStatus.STAGING_ONLY)).append(" judged only in staging, ")
                    .append(counts.get(CriterionStatus.SKIPPED)).append(" skipped)");
        }
        out.append("\n==========================================================================================\n");
        return out.toString();
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
