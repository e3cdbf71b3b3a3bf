package org.faithbot.verification.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The game day's report: per experiment, whether its hypothesis held, its figures (MTTR, error rate
 * and p95 during the fault, acknowledged writes lost) and its resilience score. Written as JSON and
 * as a Markdown table under reports/chaos/, after every experiment (a run cut short still leaves one).
 */
public final class GameDayReport {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GameDayReport() {
    }

    public static void write(Path folder, String target, Instant started, String load, List<ExperimentResult> results, Map<String, Object> extra) {
        try {
            Files.createDirectories(folder);
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("target", target);
            json.put("started", started.toString());
            json.put("written", Instant.now().toString());
            json.put("backgroundLoad", load);
            json.put("scoreFormula", "40 x (1 - error rate during the fault) + 30 x max(0, 1 - MTTR / max recovery) + 20 x min(1, p95 SLO / p95 during the fault) + 10 x (not aborted); 0 when an acknowledged write was lost");
            List<Map<String, Object>> experiments = new ArrayList<>();
            for (ExperimentResult r : results) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("id", r.experiment().id());
                e.put("title", r.experiment().title());
                e.put("criteria", r.experiment().criteria());
                e.put("outcome", r.outcome().name());
                e.put("hypothesis", r.experiment().steadyState().hypothesis());
                e.put("fault", r.faultDescription());
                e.put("faultSeconds", r.faultLength().toMillis() / 1000.0);
                e.put("mttrSeconds", r.mttrSeconds());
                e.put("maxRecoverySeconds", r.experiment().maxRecovery().toMillis() / 1000.0);
                e.put("errorPercentDuringFault", round(r.errorPercent()));
                e.put("requestsDuringFault", r.requests());
                e.put("failedRequestsDuringFault", r.failedRequests());
                e.put("p95MillisDuringFault", round(r.p95Millis()));
                e.put("baselineErrorPercent", round(r.baselineErrorPercent()));
                e.put("baselineP95Millis", round(r.baselineP95Millis()));
                e.put("acknowledgedWrites", r.acknowledgedWrites());
                e.put("lostWrites", r.lostWrites());
                e.put("stopConditionHit", r.stopConditionHit());
                e.put("resilienceScore", r.score());
                e.put("checks", r.checks().stream().map(HypothesisCheck::describe).toList());
                e.put("facts", r.facts());
                e.put("events", r.events());
                e.put("notRunReason", r.notRunReason());
                experiments.add(e);
            }
            json.put("experiments", experiments);
            json.putAll(extra);
            JSON.writeValue(folder.resolve("game-day-" + target + ".json").toFile(), json);
            Files.writeString(folder.resolve("game-day-" + target + ".md"), markdown(target, started, load, results));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the game day's report", e);
        }
    }

    public static String markdown(String target, Instant started, String load, List<ExperimentResult> results) {
        StringBuilder out = new StringBuilder();
        out.append("# Game day on ").append(target).append(", started ").append(started).append("\n\n");
        out.append("Background load: ").append(load).append("\n\n");
        out.append("| experiment | hypothesis | MTTR (s) | bound (s) | errors during fault | p95 during fault (ms) | lost writes | score |\n");
        out.append("|---|---|---|---|---|---|---|---|\n");
        for (ExperimentResult r : results) {
            if (r.faultStart() == null) {
                out.append(String.format("| %s | %s: %s | | | | | | |%n", r.experiment().id(), r.outcome(), r.notRunReason()));
                continue;
            }
            out.append(String.format("| %s | %s%s | %s | %s | %.2f %% (%d of %d) | %.0f | %d of %d | %.1f |%n", r.experiment().id(), r.outcome(),
                    r.broken().isEmpty() ? "" : ": " + String.join("; ", r.broken().stream().map(HypothesisCheck::name).toList()),
                    r.mttrSeconds() == null ? "not recovered" : String.format("%.1f", r.mttrSeconds()),
                    ChaosEngine.num(r.experiment().maxRecovery().toMillis() / 1000.0), r.errorPercent(), r.failedRequests(), r.requests(),
                    r.p95Millis(), r.lostWrites(), r.acknowledgedWrites(), r.score()));
        }
        out.append("\nScore = 40 x availability + 30 x recovery + 20 x latency + 10 x containment (0 when a write was lost); see docs/chaos.md.\n");
        return out.toString();
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
