package org.faithbot.verification.security;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * OWASP A10 (server-side request forgery): every operation of the service's OpenAPI description, as every role,
 * sent valid but with a {@link SsrfCanary}'s URLs wherever a caller chooses text: in every free-text field of its body
 * and query, in the query parameters web applications commonly fetch ({@code url}, {@code callback}, {@code webhook},
 * ...), and in the headers proxies and frameworks act on ({@code Referer}, {@code Origin}, {@code X-Forwarded-Host},
 * {@code Forwarded}, {@code X-Original-URL}, {@code Link}). Each operation goes twice per role, once with the headers
 * and once without (a refused {@code Origin} must not keep the body from being read). The actuator's operations are
 * left out: they take no text, and the operator's write would change an instance's readiness.
 */
public final class SsrfProbe {

    /** The query parameters that name a URL to fetch in applications that do fetch one. */
    static final List<String> URL_PARAMETERS = List.of("url", "uri", "callback", "redirect", "redirect_uri", "next", "returnTo",
            "webhook", "image", "avatarUrl", "feed", "source");

    /** What the probe saw: the requests sent, the answers by status, the server errors, and the redirects to the canary. */
    public record Outcome(int sent, Map<Integer, Integer> byStatus, List<String> serverErrors, List<String> redirectsToCanary,
                          List<String> unanswered, int operations, List<String> roles) {
        public String describe() {
            return sent + " requests (" + operations + " operations x " + roles.size() + " roles " + roles + " x with and without the "
                    + "URL headers); answers by status " + byStatus;
        }
    }

    private SsrfProbe() {
    }

    /**
     * @param roleTokens each role's bearer token (empty: anonymous)
     * @param pathValues real ids for the path variables that name them (a seeded member's conversation, prayer, escalation)
     */
    public static Outcome run(String baseUrl, ApiDescription description, Map<String, String> roleTokens, Map<String, String> pathValues,
                              SsrfCanary canary, long seed) {
        RequestFuzzer texts = new RequestFuzzer(description, List.copyOf(roleTokens.values()).stream().filter(t -> !t.isEmpty()).toList(),
                seed, canary.url("text"));
        Map<String, String> query = new LinkedHashMap<>();
        URL_PARAMETERS.forEach(name -> query.put(name, canary.url("query-" + name)));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Referer", canary.url("referer"));
        headers.put("Origin", "http://" + canary.authority());
        headers.put("X-Forwarded-Host", canary.authority());
        headers.put("X-Forwarded-Proto", "http");
        headers.put("Forwarded", "for=127.0.0.1;host=" + canary.authority() + ";proto=http");
        headers.put("X-Original-URL", canary.url("x-original-url"));
        headers.put("X-Rewrite-URL", canary.url("x-rewrite-url"));
        headers.put("Link", "<" + canary.url("link") + ">; rel=preload");
        List<ApiDescription.Operation> operations = description.operations().stream().filter(o -> !o.path().startsWith("/actuator"))
                // writes that end a member (erasure) last, so the other operations run as members who exist
                .sorted(Comparator.comparing(o -> "DELETE".equals(o.method()) ? 1 : 0)).toList();
        Map<Integer, Integer> byStatus = new TreeMap<>();
        List<String> serverErrors = new ArrayList<>();
        List<String> redirects = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        int sent = 0;
        try (RawHttpClient.Connection connection = new RawHttpClient(baseUrl).connect()) {
            for (ApiDescription.Operation operation : operations) {
                for (Map.Entry<String, String> role : roleTokens.entrySet()) {
                    for (boolean withHeaders : new boolean[] {false, true}) {
                        HostileRequest request = texts.valid(operation, role.getValue(), pathValues, query,
                                withHeaders ? headers : Map.of(), role.getKey() + (withHeaders ? " with URL headers" : ""));
                        sent++;
                        try {
                            RawHttpClient.Answer answer = connection.send(request.head(), request.rawHeaderBytes(), request.body());
                            byStatus.merge(answer.status(), 1, Integer::sum);
                            if (answer.status() >= 500) {
                                serverErrors.add(request.name() + ": " + answer.status());
                            }
                            String location = answer.header("Location");
                            if (location != null && location.contains(canary.authority())) {
                                redirects.add(request.name() + ": " + answer.status() + " Location: " + location);
                            }
                        } catch (IOException | RuntimeException e) {
                            unanswered.add(request.name() + ": " + e);
                            connection.close();
                        }
                    }
                }
            }
        }
        return new Outcome(sent, byStatus, serverErrors, redirects, unanswered, operations.size(), List.copyOf(roleTokens.keySet()));
    }
}
