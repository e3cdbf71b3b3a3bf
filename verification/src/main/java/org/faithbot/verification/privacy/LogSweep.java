package org.faithbot.verification.privacy;

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
import java.util.Set;

/**
 * Reads the service instances' logs (ECS JSON, one object a line) line by line: every line that holds
 * anything of a user (id, e-mail, name, the text of a message), and the access-log line of a request
 * by its request id. The logs' side of "no personal data in logs", apart from what the service says.
 */
public final class LogSweep {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A line of a log that holds a fragment of the user. */
    public record LogTrace(String instance, int line, String fragment) {
        @Override
        public String toString() {
            return instance + " log, line " + line + ": holds '" + fragment + "'";
        }
    }

    public record Result(Map<String, Integer> linesRead, List<LogTrace> traces) {
        public int lines() {
            return linesRead.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final Map<String, List<String>> logs = new LinkedHashMap<>();

    private LogSweep() {
    }

    /** The logs as they are now, by instance name. */
    public static LogSweep read(Map<String, Path> logFiles) {
        LogSweep sweep = new LogSweep();
        logFiles.forEach((instance, file) -> {
            try {
                sweep.logs.put(instance, Files.readAllLines(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the log of " + instance + ": " + file, e);
            }
        });
        return sweep;
    }

    /** Every line holding any of the fragments, case-insensitive. */
    public Result traces(Set<String> fragments) {
        Map<String, Integer> read = new LinkedHashMap<>();
        List<LogTrace> traces = new ArrayList<>();
        logs.forEach((instance, lines) -> {
            read.put(instance, lines.size());
            for (int i = 0; i < lines.size(); i++) {
                String lower = lines.get(i).toLowerCase();
                for (String fragment : fragments) {
                    if (!fragment.isBlank() && lower.contains(fragment.toLowerCase())) {
                        traces.add(new LogTrace(instance, i + 1, fragment));
                    }
                }
            }
        });
        return new Result(read, List.copyOf(traces));
    }

    /** Whether the instance's log has the access line of this request: its id, its method and path. */
    public boolean logged(String instance, String requestId, String method, String path) {
        return !messages(instance, requestId, method + " " + path + " ").isEmpty();
    }

    /**
     * The messages the instance logged under this request id that start with {@code prefix} (an analytics event the
     * request emitted: "analytics event chat_turn ...").
     */
    public List<String> messages(String instance, String requestId, String prefix) {
        List<String> found = new ArrayList<>();
        for (String line : logs.getOrDefault(instance, List.of())) {
            if (!line.contains(requestId)) {
                continue;
            }
            try {
                JsonNode entry = JSON.readTree(line);
                if (requestId.equals(entry.path("requestId").asText()) && entry.path("message").asText().startsWith(prefix)) {
                    found.add(entry.path("message").asText());
                }
            } catch (IOException notJson) {
                // a line the JVM wrote itself, not a log event
            }
        }
        return found;
    }

    /** The instances whose logs were read. */
    public Set<String> instances() {
        return logs.keySet();
    }
}
