package org.faithbot.verification.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the fuzzed requests' answers showed, judged by the same checks as the hostile requests'
 * ({@link HostileAnswers#lacks}): counts by status and by what an answer lacked, and the first requests of each kind
 * of failure (their index reproduces them with the run's seed).
 */
public final class FuzzTally {

    private static final int EXAMPLES = 10;

    private final LongAdder sent = new LongAdder();
    private final LongAdder serverErrors = new LongAdder();
    private final LongAdder unanswered = new LongAdder();
    private final LongAdder leaking = new LongAdder();
    private final LongAdder missingHeaders = new LongAdder();
    private final LongAdder apiRefusalsWithoutProblem = new LongAdder();
    private final LongAdder otherRefusalsWithoutProblem = new LongAdder();
    private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
    private final Map<String, List<String>> examples = new ConcurrentHashMap<>();

    void answered(HostileRequest request, RawHttpClient.Answer answer) {
        sent.increment();
        statuses.computeIfAbsent(answer.status(), s -> new LongAdder()).increment();
        List<String> lacks = HostileAnswers.lacks(answer, request.head().startsWith("HEAD "));
        if (lacks.isEmpty()) {
            return;
        }
        if (answer.status() >= 500) {
            serverErrors.increment();
            example("server error", request, answer.status() + " " + lacks);
        }
        if (lacks.contains("a body free of stack traces and class names")) {
            leaking.increment();
            example("stack trace or class name", request, answer.status() + " " + excerpt(answer.body()));
        }
        if (lacks.stream().anyMatch(l -> l.startsWith("the header "))) {
            missingHeaders.increment();
            example("missing header", request, answer.status() + " " + lacks);
        }
        if (lacks.stream().anyMatch(l -> l.startsWith("a problem body") || l.startsWith("the problem's"))) {
            (targetsApi(request) ? apiRefusalsWithoutProblem : otherRefusalsWithoutProblem).increment();
            example("refusal without a problem", request, answer.status() + " " + answer.header("Content-Type") + " " + excerpt(answer.body()));
        }
    }

    void unanswered(HostileRequest request, Exception e) {
        sent.increment();
        unanswered.increment();
        statuses.computeIfAbsent(0, s -> new LongAdder()).increment();
        example("no answer", request, e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    private void example(String kind, HostileRequest request, String what) {
        List<String> list = examples.computeIfAbsent(kind, k -> new ArrayList<>());
        synchronized (list) {
            if (list.size() < EXAMPLES) {
                String requestLine = request.head().split("\r\n", 2)[0];
                list.add(request.name() + " [" + (requestLine.length() > 160 ? requestLine.substring(0, 160) + "..." : requestLine) + "]: "
                        + what);
            }
        }
    }

    private static boolean targetsApi(HostileRequest request) {
        String[] requestLine = request.head().split("\r\n", 2)[0].split(" ");
        return requestLine.length > 1 && requestLine[1].startsWith("/api/");
    }

    private static String excerpt(String body) {
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }

    public long sent() {
        return sent.sum();
    }

    /** Answers with a status of 500 or more, and requests the service never answered. */
    public long serverErrors() {
        return serverErrors.sum() + unanswered.sum();
    }

    public long leakingBodies() {
        return leaking.sum();
    }

    public long missingHeaders() {
        return missingHeaders.sum();
    }

    public long apiRefusalsWithoutProblem() {
        return apiRefusalsWithoutProblem.sum();
    }

    public long otherRefusalsWithoutProblem() {
        return otherRefusalsWithoutProblem.sum();
    }

    public long withStatus(int status) {
        LongAdder count = statuses.get(status);
        return count == null ? 0 : count.sum();
    }

    /** Answers by status (0: none). */
    public Map<Integer, Long> statuses() {
        Map<Integer, Long> out = new TreeMap<>();
        statuses.forEach((status, count) -> out.put(status, count.sum()));
        return out;
    }

    public String describe() {
        StringBuilder text = new StringBuilder("answers by status: ").append(statuses());
        new TreeMap<>(examples).forEach((kind, list) -> {
            text.append("\n").append(kind).append(" (first ").append(list.size()).append("):");
            synchronized (list) {
                list.forEach(e -> text.append("\n  ").append(e));
            }
        });
        return text.toString();
    }
}
