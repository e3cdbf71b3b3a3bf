package org.faithbot.verification.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The expected access of every role to every endpoint of the service, per kind of id, as
 * {@code security/access-matrix.yaml} states it (OWASP A01, SC-SEC-2): the roles, the rows in the order they
 * are sent, and the endpoints left out with why.
 */
public record AccessMatrix(List<String> roles, List<Row> rows, Map<String, String> excluded) {

    public static final String RESOURCE = "security/access-matrix.yaml";

    /** A status of "-": the call is not sent. */
    public static final int NOT_SENT = -1;

    /** The kinds of id a row can name. */
    public static final List<String> KINDS = List.of("none", "own", "other", "unknown", "foreign-cursor");

    /** One endpoint ({@code METHOD /path/{variable}}), its body (or null), the public values of its variables, and the expected statuses per kind. */
    public record Row(String method, String path, String body, Map<String, String> fill, Map<String, List<Integer>> expect) {

        public String endpoint() {
            return method + " " + path;
        }
    }

    public static AccessMatrix load() {
        try (InputStream in = AccessMatrix.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no " + RESOURCE + " on the class path");
            }
            return parse(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AccessMatrix parse(JsonNode root) {
        List<String> roles = new ArrayList<>();
        root.path("roles").forEach(r -> roles.add(r.asText()));
        List<Row> rows = new ArrayList<>();
        for (JsonNode row : root.path("endpoints")) {
            String[] endpoint = row.path("endpoint").asText().split(" ", 2);
            Map<String, String> fill = new LinkedHashMap<>();
            row.path("fill").properties().forEach(e -> fill.put(e.getKey(), e.getValue().asText()));
            Map<String, List<Integer>> expect = new LinkedHashMap<>();
            row.path("expect").properties().forEach(e -> {
                if (!KINDS.contains(e.getKey())) {
                    throw new IllegalArgumentException(row.path("endpoint").asText() + ": unknown kind of id " + e.getKey());
                }
                List<Integer> statuses = new ArrayList<>();
                e.getValue().forEach(s -> statuses.add("-".equals(s.asText()) ? NOT_SENT : s.asInt()));
                if (statuses.size() != roles.size()) {
                    throw new IllegalArgumentException(row.path("endpoint").asText() + " " + e.getKey() + ": " + statuses.size()
                            + " statuses for " + roles.size() + " roles");
                }
                expect.put(e.getKey(), List.copyOf(statuses));
            });
            rows.add(new Row(endpoint[0], endpoint[1], row.hasNonNull("body") ? row.get("body").asText() : null, fill, expect));
        }
        Map<String, String> excluded = new LinkedHashMap<>();
        root.path("excluded").properties().forEach(e -> excluded.put(e.getKey(), e.getValue().asText()));
        return new AccessMatrix(List.copyOf(roles), List.copyOf(rows), excluded);
    }

    /** The calls the matrix sends: one per row, kind and role with a status other than "-". */
    public long calls() {
        return rows.stream().flatMap(r -> r.expect().values().stream()).flatMap(List::stream).filter(s -> s != NOT_SENT).count();
    }

    /** Whether the endpoint ({@code METHOD /pattern}) is one the matrix has a row for, or leaves out on purpose. */
    public boolean covers(String endpoint) {
        return rows.stream().anyMatch(r -> r.endpoint().equals(endpoint)) || excludes(endpoint);
    }

    boolean excludes(String endpoint) {
        String[] parts = endpoint.split(" ", 2);
        return excluded.keySet().stream().anyMatch(rule -> {
            String[] r = rule.split(" ", 2);
            boolean method = r[0].equals("ANY") || r[0].equals(parts[0]);
            boolean path = r[1].endsWith("/**") ? parts[1].equals(r[1].substring(0, r[1].length() - 3))
                    || parts[1].startsWith(r[1].substring(0, r[1].length() - 2)) : r[1].equals(parts[1]);
            return method && path;
        });
    }
}
