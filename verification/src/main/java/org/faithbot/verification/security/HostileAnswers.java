package org.faithbot.verification.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The hostile requests sent to one address (a service instance, or the balancer), and what each answer lacks of what
 * the service promises on every response: no server error, a problem body with a reason for a refusal, never a stack
 * trace or a class name, and the request id, the instance headers and the security headers.
 */
public record HostileAnswers(String address, List<Answered> answers) {

    /** The headers every response of the service carries. */
    public static final Set<String> PROMISED_HEADERS = Set.of("x-request-id", "x-served-by", "x-app-version", "x-content-type-options",
            "content-security-policy", "strict-transport-security", "referrer-policy", "x-frame-options");

    /** One request and what its answer lacks (none: as promised). */
    public record Answered(String request, int status, String contentType, List<String> lacks) {
        public String describe() {
            return request + ": " + status + " " + (contentType == null ? "(no content type)" : contentType)
                    + (lacks.isEmpty() ? "" : " LACKS " + lacks);
        }
    }

    public static HostileAnswers send(String baseUrl, List<HostileRequest> requests) {
        RawHttpClient client = new RawHttpClient(baseUrl);
        List<Answered> answers = new ArrayList<>();
        for (HostileRequest request : requests) {
            try {
                RawHttpClient.Answer answer = client.send(request.head(), request.rawHeaderBytes(), request.body());
                answers.add(new Answered(request.name(), answer.status(), answer.header("Content-Type"), lacks(answer)));
            } catch (IOException e) {
                answers.add(new Answered(request.name(), 0, null, List.of("an answer (" + e.getClass().getSimpleName() + ")")));
            }
        }
        return new HostileAnswers(baseUrl, List.copyOf(answers));
    }

    static List<String> lacks(RawHttpClient.Answer answer) {
        return lacks(answer, false);
    }

    /** What the answer lacks; the answer to a HEAD request has no body by protocol, so only its problem type is asked of it. */
    static List<String> lacks(RawHttpClient.Answer answer, boolean headRequest) {
        List<String> lacks = new ArrayList<>();
        if (answer.status() >= 500) {
            lacks.add("a status below 500");
        }
        if (answer.status() >= 400) {
            String type = answer.header("Content-Type");
            if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json")) {
                lacks.add("a problem body");
            } else if (!headRequest && (!answer.body().contains("\"status\":" + answer.status()) || !answer.body().contains("\"detail\""))) {
                lacks.add("the problem's status and reason");
            }
        }
        if (answer.body().contains("Exception") || answer.body().contains("\tat ") || answer.body().contains("org.springframework")
                || answer.body().contains("org.apache")) {
            lacks.add("a body free of stack traces and class names");
        }
        PROMISED_HEADERS.stream().sorted().filter(h -> !answer.headers().containsKey(h)).forEach(h -> lacks.add("the header " + h));
        return lacks;
    }

    public long serverErrors() {
        return answers.stream().filter(a -> a.status() >= 500 || a.status() == 0).count();
    }

    public long refusalsWithoutProblem() {
        return answers.stream().filter(a -> a.lacks().stream().anyMatch(l -> l.startsWith("a problem body") || l.startsWith("the problem's")))
                .count();
    }

    public long missingHeaders() {
        return answers.stream().filter(a -> a.lacks().stream().anyMatch(l -> l.startsWith("the header "))).count();
    }

    public long leakingBodies() {
        return answers.stream().filter(a -> a.lacks().contains("a body free of stack traces and class names")).count();
    }

    public String describe() {
        return address + ":\n" + String.join("\n", answers.stream().map(a -> "  " + a.describe()).toList());
    }
}
