package org.faithbot.verification.page;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each criterion's status across runs: one JSON line per run (when, commit, target, verdict, every criterion's status)
 * in a file kept between runs, the newest {@value #KEPT} runs. Tells when a criterion first failed and which flap.
 */
public final class StatusHistory {

    static final int KEPT = 60;
    /** Status changes between accepted and not accepted within this many runs that make a criterion flapping. */
    static final int FLAP_WINDOW = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One run's line. */
    public record Run(String generatedAt, String commit, String target, String verdict, Map<String, String> statuses) {
    }

    private final List<Run> runs;

    private StatusHistory(List<Run> runs) {
        this.runs = List.copyOf(runs);
    }

    public static StatusHistory empty() {
        return new StatusHistory(List.of());
    }

    public static StatusHistory read(Path file) {
        if (!Files.isRegularFile(file)) {
            return empty();
        }
        List<Run> runs = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    try {
                        runs.add(JSON.readValue(line, Run.class));
                    } catch (IOException e) {
                        // a torn line (a run killed while writing) is left out, not fatal to the report
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return new StatusHistory(runs);
    }

    /** This history with one more run, taken from a summary.json. */
    public StatusHistory with(JsonNode summary) {
        Map<String, String> statuses = new LinkedHashMap<>();
        summary.path("criteria").forEach(c -> statuses.put(c.path("id").asText(), c.path("status").asText()));
        List<Run> more = new ArrayList<>(runs);
        more.add(new Run(summary.path("generatedAt").asText(), summary.path("commit").asText(), summary.path("target").asText(),
                summary.path("verdict").asText(), statuses));
        return new StatusHistory(more.subList(Math.max(0, more.size() - KEPT), more.size()));
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            StringBuilder text = new StringBuilder();
            for (Run run : runs) {
                text.append(JSON.writeValueAsString(run)).append('\n');
            }
            Files.writeString(file, text.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    public List<Run> runs() {
        return runs;
    }

    /** The criterion's status in each run, oldest first (null where a run did not know it). */
    public List<String> statusesOf(String criterion) {
        return runs.stream().map(r -> r.statuses().get(criterion)).toList();
    }

    /** The first run it failed in, or null. */
    public Run firstFailure(String criterion) {
        return runs.stream().filter(r -> "FAILED".equals(r.statuses().get(criterion))).findFirst().orElse(null);
    }

    /** Whether it went between accepted and not accepted at least twice within the last runs. */
    public boolean flapping(String criterion) {
        List<String> recent = statusesOf(criterion);
        recent = recent.subList(Math.max(0, recent.size() - FLAP_WINDOW), recent.size());
        int changes = 0;
        Boolean previous = null;
        for (String status : recent) {
            if (status == null) {
                continue;
            }
            boolean good = status.equals("PASSED") || status.equals("REHEARSED") || status.equals("SIGNED_OFF");
            if (previous != null && previous != good) {
                changes++;
            }
            previous = good;
        }
        return changes >= 2;
    }
}
