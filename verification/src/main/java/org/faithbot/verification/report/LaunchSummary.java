package org.faithbot.verification.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.faithbot.verification.catalogue.CoverageCheck;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.Criterion;
import org.faithbot.verification.catalogue.FeatureIndex;
import org.faithbot.verification.catalogue.ProofLevel;
import org.faithbot.verification.catalogue.SpecScenario;
import org.faithbot.verification.evidence.Evidence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The per-criterion summary of a run and its gate, computed from what ran and what it measured, never typed in.
 * A criterion's status counts every scenario of it and every record of evidence under it: PASSED needs evidence at
 * its required level or above; what passed below is REHEARSED; a record not met fails it; a run of only some of its
 * scenarios is PARTIAL. The gate's rules are {@link LaunchGate}'s.
 *
 * @param commit the git commit the run was on ("unknown" when it could not be read)
 */
public record LaunchSummary(String target, String commit, List<CriterionResult> results, CoverageCheck coverage, LaunchGate gate) {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    public static LaunchSummary of(String target, CriteriaCatalogue catalogue, FeatureIndex features,
                                   List<ScenarioOutcome> outcomes, List<Evidence> evidence) {
        return of(target, RunCommit.UNKNOWN, catalogue, features, outcomes, evidence);
    }

    public static LaunchSummary of(String target, String commit, CriteriaCatalogue catalogue, FeatureIndex features,
                                   List<ScenarioOutcome> outcomes, List<Evidence> evidence) {
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion criterion : catalogue.all()) {
            List<SpecScenario> written = features.scenariosFor(criterion);
            List<SpecScenario> forTarget = written.stream().filter(s -> s.runsOn(target) && !s.tags().contains("@wip")).toList();
            List<ScenarioOutcome> ran = outcomes.stream().filter(o -> o.tags().contains(criterion.tag())).toList();
            List<Evidence> records = evidence.stream().filter(e -> e.criterion().equals(criterion.id()))
                    .map(e -> e.commit() == null ? e.withCommit(commit) : e).toList();
            List<String> failures = new ArrayList<>();
            ran.stream().filter(ScenarioOutcome::failed)
                    .map(o -> o.name() + ": " + o.status() + (o.error() == null ? "" : " - " + o.error())).forEach(failures::add);
            records.stream().filter(e -> !e.passed()).map(e -> "evidence not met: " + e.describe()).forEach(failures::add);
            ProofLevel shownAt = shownAt(target, ran, records);
            results.add(new CriterionResult(criterion, statusOf(criterion, written, forTarget, ran, failures, shownAt), shownAt,
                    written.size(), forTarget.size(), ran.size(), List.copyOf(failures), records));
        }
        List<CriterionResult> frozen = List.copyOf(results);
        return new LaunchSummary(target, commit, frozen, CoverageCheck.of(catalogue, features), LaunchGate.forRun(target, frozen));
    }

    /**
     * The highest level at which what ran of a criterion passed: each passed record at its own level (static,
     * local, emulator, staging), each passed scenario that recorded nothing under it at its own (static when it is
     * a static check, else the target's).
     */
    static ProofLevel shownAt(String target, List<ScenarioOutcome> ran, List<Evidence> records) {
        ProofLevel best = null;
        for (Evidence e : records) {
            if (e.passed()) {
                best = ProofLevel.higher(best, e.level());
            }
        }
        for (ScenarioOutcome o : ran) {
            if (o.passed() && records.stream().noneMatch(e -> o.name().equals(e.scenario()))) {
                best = ProofLevel.higher(best, o.tags().contains("@static") ? ProofLevel.STATIC : ProofLevel.ofTarget(target));
            }
        }
        return best;
    }

    private static CriterionStatus statusOf(Criterion criterion, List<SpecScenario> written, List<SpecScenario> forTarget,
                                            List<ScenarioOutcome> ran, List<String> failures, ProofLevel shownAt) {
        if (!failures.isEmpty()) {
            return CriterionStatus.FAILED;
        }
        if (criterion.needsSignOff()) {
            return shownAt == ProofLevel.SIGN_OFF ? CriterionStatus.PASSED : CriterionStatus.AWAITING_SIGN_OFF;
        }
        if (ran.stream().anyMatch(o -> !o.passed())) {
            return CriterionStatus.SKIPPED;
        }
        if (ran.isEmpty()) {
            if (written.isEmpty()) {
                return CriterionStatus.NOT_COVERED;
            }
            return forTarget.isEmpty() ? CriterionStatus.NOT_RUN_HERE : CriterionStatus.SKIPPED;
        }
        if (ran.size() < forTarget.size()) {
            return CriterionStatus.PARTIAL;
        }
        return criterion.provedAt(shownAt) ? CriterionStatus.PASSED : CriterionStatus.REHEARSED;
    }

    public String verdict() {
        return gate.verdict();
    }

    public Map<CriterionStatus, Integer> counts() {
        Map<CriterionStatus, Integer> counts = new EnumMap<>(CriterionStatus.class);
        for (CriterionStatus status : CriterionStatus.values()) {
            counts.put(status, 0);
        }
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    /** How many criteria demand each level. */
    public Map<String, Integer> countsByRequiredLevel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProofLevel level : ProofLevel.values()) {
            if (level.canBeRequired()) {
                counts.put(level.word(), 0);
            }
        }
        results.forEach(r -> counts.merge(r.criterion().level().word(), 1, Integer::sum));
        return counts;
    }

    /** How many records of evidence were obtained at each level. */
    public Map<String, Integer> evidenceByLevel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProofLevel level : ProofLevel.values()) {
            counts.put(level.word(), 0);
        }
        results.forEach(r -> r.evidence().forEach(e -> counts.merge(e.level().word(), 1, Integer::sum)));
        return counts;
    }

    /** The summary as data: summary.json. */
    public String json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("target", target);
        json.put("commit", commit);
        json.put("gate", gate.gate());
        json.put("verdict", gate.verdict());
        json.put("blockers", gate.blockers());
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        counts().forEach((status, n) -> byStatus.put(status.name(), n));
        counts.put("byStatus", byStatus);
        counts.put("byRequiredLevel", countsByRequiredLevel());
        counts.put("evidenceByLevel", evidenceByLevel());
        json.put("counts", counts);
        json.put("unknownCriterionTags", coverage.unknownCriterionTags());
        json.put("criteria", results.stream().map(r -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("id", r.criterion().id());
            c.put("group", r.criterion().groupId());
            c.put("title", r.criterion().title());
            c.put("target", r.criterion().target());
            c.put("status", r.status().name());
            c.put("requiredLevel", r.criterion().level().word());
            c.put("why", r.criterion().why());
            c.put("shownAt", r.shownAt() == null ? null : r.shownAt().word());
            c.put("reason", r.reason());
            c.put("scenariosWritten", r.scenariosWritten());
            c.put("scenariosForTarget", r.scenariosForTarget());
            c.put("scenariosRun", r.scenariosRun());
            c.put("evidence", r.evidence());
            c.put("failures", r.failures());
            return c;
        }).toList());
        try {
            return JSON.writeValueAsString(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The summary as printed at the end of a run and written to summary.txt. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("\n================ LAUNCH READINESS: per-criterion summary (target: ").append(target)
                .append(", commit: ").append(commit).append(") ================\n");
        out.append("A criterion passes only on evidence at the level its requirement demands; what passed below it is REHEARSED.\n");
        String group = null;
        for (CriterionResult r : results) {
            if (!r.criterion().groupId().equals(group)) {
                group = r.criterion().groupId();
                out.append('\n').append(group).append("  ").append(r.criterion().groupTitle()).append('\n');
            }
            out.append(String.format("  %-12s %-18s %-11s %s%n", r.criterion().id(), r.status().label().toUpperCase(),
                    r.criterion().level(), r.criterion().title() + (r.criterion().target() == null ? "" : " (" + r.criterion().target() + ")")));
            String indent = " ".repeat(46);
            out.append(indent).append("why ").append(r.criterion().level()).append(": ").append(r.criterion().why()).append('\n');
            if (r.status() != CriterionStatus.PASSED && r.status() != CriterionStatus.NOT_COVERED) {
                out.append(indent).append("status:   ").append(r.reason()).append('\n');
            }
            r.evidence().forEach(e -> out.append(indent).append("evidence [").append(e.level()).append("]: ").append(e.describe()).append('\n'));
            r.failures().stream().filter(f -> !f.startsWith("evidence not met: "))
                    .forEach(f -> out.append(indent).append("failure:  ").append(firstLine(f)).append('\n'));
        }
        Map<CriterionStatus, Integer> counts = counts();
        out.append("\nCriteria: ").append(results.size());
        for (CriterionStatus status : CriterionStatus.values()) {
            out.append(" | ").append(status.label()).append(": ").append(counts.get(status));
        }
        out.append("\nRequired levels:");
        countsByRequiredLevel().forEach((level, n) -> out.append(' ').append(level).append(' ').append(n).append(','));
        out.setLength(out.length() - 1);
        out.append("\nEvidence records by level:");
        evidenceByLevel().forEach((level, n) -> out.append(' ').append(level).append(' ').append(n).append(','));
        out.setLength(out.length() - 1);
        out.append('\n');
        list(out, "Passed (proved at the required level)", CriterionStatus.PASSED);
        list(out, "Rehearsed (passed below the required level: not passed)", CriterionStatus.REHEARSED);
        list(out, "Awaiting sign-off", CriterionStatus.AWAITING_SIGN_OFF);
        if (!coverage.unknownCriterionTags().isEmpty()) {
            out.append("Tags naming no criterion of the catalogue: ").append(coverage.unknownCriterionTags()).append('\n');
        }
        out.append("Gate (").append(gate.gate()).append("): ").append(gate.verdict()).append('\n');
        if (!gate.blockers().isEmpty()) {
            out.append(gate.open() ? "Failed:\n" : "Kept closed by:\n");
            gate.blockers().forEach(b -> out.append("  ").append(b).append('\n'));
        }
        out.append("==========================================================================================\n");
        return out.toString();
    }

    private void list(StringBuilder out, String heading, CriterionStatus status) {
        List<String> ids = results.stream().filter(r -> r.status() == status).map(r -> r.criterion().id()).toList();
        if (!ids.isEmpty()) {
            out.append(heading).append(": ").append(String.join(", ", ids)).append('\n');
        }
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
