package org.faithbot.verification.merge;

import com.fasterxml.jackson.databind.JsonNode;
import org.faithbot.verification.catalogue.ProofLevel;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.ScenarioOutcome;
import org.faithbot.verification.report.SummaryJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One run's evidence folder, as a merge reads it: the summary.json a run wrote (the folder itself, or its
 * launch-readiness/ or reports/launch-readiness/ folder, as the workflows upload them): the target, the commit, when,
 * and for each criterion the scenarios that ran (with their level), those written for the target, and its records.
 */
public record RunFolder(Path folder, String target, String commit, Instant generatedAt, Map<String, CriterionRun> criteria) {

    /** What one run ran and recorded of one criterion. */
    public record CriterionRun(List<ScenarioOutcome> scenarios, List<String> expectedScenarios, int scenariosWritten, List<Evidence> evidence) {

        boolean ranAnything() {
            return !scenarios.isEmpty() || !evidence.isEmpty();
        }
    }

    public static RunFolder read(Path folder) {
        Path summary = summaryIn(folder);
        JsonNode root;
        try {
            root = SummaryJson.JSON.readTree(summary.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + summary, e);
        }
        if (!root.hasNonNull("generatedAt") || !root.hasNonNull("target")) {
            throw new IllegalArgumentException(summary + " has no target or generatedAt: it is not a run's summary of this harness's version");
        }
        if (root.path("sources").size() > 0) {
            throw new IllegalArgumentException(summary + " is itself a merge: merge the runs' own folders");
        }
        Map<String, CriterionRun> criteria = new LinkedHashMap<>();
        for (JsonNode c : root.path("criteria")) {
            String id = c.path("id").asText();
            List<ScenarioOutcome> scenarios = new ArrayList<>();
            for (JsonNode s : c.path("scenarios")) {
                Set<String> tags = new LinkedHashSet<>(List.of("@" + id));
                if (ProofLevel.of(s.path("level").asText()) == ProofLevel.STATIC) {
                    tags.add("@static");
                }
                scenarios.add(new ScenarioOutcome(s.path("name").asText(), tags, s.path("status").asText(), null));
            }
            List<String> expected = new ArrayList<>();
            c.path("expectedScenarios").forEach(n -> expected.add(n.asText()));
            List<Evidence> evidence = new ArrayList<>();
            for (JsonNode e : c.path("evidence")) {
                evidence.add(SummaryJson.JSON.convertValue(e, Evidence.class));
            }
            criteria.put(id, new CriterionRun(List.copyOf(scenarios), List.copyOf(expected), c.path("scenariosWritten").asInt(), List.copyOf(evidence)));
        }
        return new RunFolder(folder, root.path("target").asText(), root.path("commit").asText(), Instant.parse(root.path("generatedAt").asText()), criteria);
    }

    private static Path summaryIn(Path folder) {
        for (Path candidate : List.of(folder.resolve("summary.json"), folder.resolve("launch-readiness/summary.json"),
                folder.resolve("reports/launch-readiness/summary.json"))) {
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException(folder + " holds no summary.json (nor launch-readiness/summary.json): not a run's evidence folder");
    }

    public ProofLevel level() {
        return ProofLevel.ofTarget(target);
    }

    /** The run in one line: target, when, commit, folder. */
    public String describe() {
        return target + " run of " + generatedAt + " on commit " + abbreviated(commit) + " (" + folder + ")";
    }

    static String abbreviated(String commit) {
        return commit != null && commit.length() > 12 ? commit.substring(0, 12) : String.valueOf(commit);
    }
}
