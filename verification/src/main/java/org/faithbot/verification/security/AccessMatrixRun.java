package org.faithbot.verification.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends every call of an {@link AccessMatrix}: each row, for each kind of id, as each role, in the table's order,
 * and keeps what came back: the status against the expected one, and any text a role must never see (another
 * member's markers and ids) found in the body.
 *
 * @param baseUrl where the calls go (the balancer)
 * @param tokens the bearer token of each role (none for {@code anonymous})
 * @param ids per kind of id ({@code own}, {@code other}, {@code unknown}), the value of each path variable
 * @param foreignCursor a cursor of another member's listing
 * @param values the values of the bodies' other placeholders ({@code {consents}})
 * @param unseen per role, the texts no answer to that role may hold
 * @param neverInRefusals the texts no refusal (4xx, 5xx) to any role may hold
 */
public record AccessMatrixRun(String baseUrl, Map<String, String> tokens, Map<String, Map<String, String>> ids, String foreignCursor,
                              Map<String, String> values, Map<String, Set<String>> unseen, Set<String> neverInRefusals) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}|/\\*\\*$");

    /** One call: which row, kind and role, the request line, the status expected and got, and what it showed that it must not. */
    public record Call(String endpoint, String kind, String role, String request, int expected, int status, List<String> leaked) {

        public boolean asExpected() {
            return status == expected;
        }

        @Override
        public String toString() {
            return String.format("%-8s %-15s %-11s %s -> %d (expected %d)%s", asExpected() ? "ok" : "MISMATCH", kind, role, request,
                    status, expected, leaked.isEmpty() ? "" : " LEAKED " + leaked);
        }
    }

    public List<Call> send(AccessMatrix matrix) {
        List<Call> calls = new ArrayList<>();
        Map<String, StringBuilder> sentByRole = new java.util.HashMap<>();
        for (AccessMatrix.Row row : matrix.rows()) {
            row.expect().forEach((kind, statuses) -> {
                for (int r = 0; r < matrix.roles().size(); r++) {
                    if (statuses.get(r) != AccessMatrix.NOT_SENT) {
                        String role = matrix.roles().get(r);
                        calls.add(call(row, kind, role, statuses.get(r), sentByRole.computeIfAbsent(role, k -> new StringBuilder())));
                    }
                }
            });
        }
        return calls;
    }

    /** One call; {@code sentBefore}: what this role sent so far (an id it sent is its own: a chat under it made it so). */
    private Call call(AccessMatrix.Row row, String kind, String role, int expected, StringBuilder sentBefore) {
        String path = fill(row.path(), row, kind);
        if ("foreign-cursor".equals(kind)) {
            path += (path.contains("?") ? "&" : "?") + "cursor=" + foreignCursor;
        }
        String body = row.body() == null ? null : fillBody(row.body(), kind);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
                .method(row.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept", "application/json, application/problem+json, text/html, text/plain;q=0.5, */*;q=0.1");
        String token = tokens.get(role);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (!"GET".equals(row.method()) && !"DELETE".equals(row.method())) {
            request.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        String line = row.method() + " " + path;
        sentBefore.append('\n').append(path).append('\n').append(body == null ? "" : body);
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Call(row.endpoint(), kind, role, line, expected, response.statusCode(), leaked(role, response.statusCode(), response.body(),
                    sentBefore.toString()));
        } catch (IOException e) {
            return new Call(row.endpoint(), kind, role, line, expected, -1, List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending the access matrix", e);
        }
    }

    /**
     * The forbidden texts the answer holds, leaving out those the caller itself sent, in this request or before: a
     * refusal's problem names the path it refuses ({@code instance}), and a chat under another member's conversation
     * id opens a conversation of that id in the caller's own name space, which its listing then shows; neither tells
     * the caller anything it did not send.
     */
    static List<String> leaked(Set<String> forbiddenTexts, String body, String sent) {
        String lower = body.toLowerCase();
        String sentLower = sent.toLowerCase();
        return forbiddenTexts.stream().filter(text -> lower.contains(text.toLowerCase()) && !sentLower.contains(text.toLowerCase())).toList();
    }

    private List<String> leaked(String role, int status, String body, String sent) {
        Set<String> forbidden = new java.util.TreeSet<>(unseen.getOrDefault(role, Set.of()));
        if (status >= 400) {
            forbidden.addAll(neverInRefusals);
        }
        return leaked(forbidden, body, sent);
    }

    private String fill(String template, AccessMatrix.Row row, String kind) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder filled = new StringBuilder();
        while (variable.find()) {
            String name = variable.group(1) == null ? "**" : variable.group(1);
            String value = valueOf(name, row, kind);
            variable.appendReplacement(filled, Matcher.quoteReplacement((variable.group(1) == null ? "/" : "") + value));
        }
        variable.appendTail(filled);
        return filled.toString();
    }

    private String valueOf(String variable, AccessMatrix.Row row, String kind) {
        String idKind = "foreign-cursor".equals(kind) ? "own" : kind;
        String id = ids.getOrDefault(idKind, Map.of()).get(variable);
        if (id != null) {
            return id;
        }
        if ("unknown".equals(kind)) {
            return "unknown-" + UUID.randomUUID().toString().substring(0, 8);
        }
        String fill = row.fill().get(variable);
        if (fill == null) {
            throw new IllegalStateException(row.endpoint() + ": no value for {" + variable + "} of kind " + kind);
        }
        return fill;
    }

    private String fillBody(String body, String kind) {
        String filled = body;
        for (Map.Entry<String, String> value : values.entrySet()) {
            filled = filled.replace("{" + value.getKey() + "}", value.getValue());
        }
        if (filled.contains("{conversationId}")) {
            filled = filled.replace("{conversationId}", ids.getOrDefault(kind, Map.of()).getOrDefault("conversationId", UUID.randomUUID().toString()));
        }
        return filled;
    }
}
