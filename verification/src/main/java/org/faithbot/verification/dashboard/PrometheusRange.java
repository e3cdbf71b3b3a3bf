package org.faithbot.verification.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prometheus's range queries ({@code /api/v1/query_range}), each bounded by a deadline shared by all of them, never
 * throwing: a query Prometheus does not answer comes back with no series and the reason.
 */
final class PrometheusRange {

    /** One sample. */
    record Point(Instant at, double value) {
    }

    /** One series of an answer: its labels and its finite samples, in time order. */
    record Series(Map<String, String> labels, List<Point> points) {
    }

    /** The series of one query, or none and why ({@code problem} is empty when Prometheus answered). */
    record Answer(List<Series> series, String problem) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PER_QUERY = Duration.ofSeconds(10);

    private final String baseUrl;
    private final HttpClient http;
    private final Instant deadline;

    PrometheusRange(String baseUrl, Instant deadline) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.deadline = deadline;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    }

    Answer query(String promql, Instant from, Instant to, Duration step) {
        Duration left = Duration.between(Instant.now(), deadline);
        if (left.isNegative() || left.isZero()) {
            return new Answer(List.of(), "not asked: the dashboard's time for queries ran out");
        }
        String uri = baseUrl + "/api/v1/query_range?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)
                + "&start=" + seconds(from) + "&end=" + seconds(to) + "&step=" + Math.max(1, step.toSeconds()) + "s";
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(uri)).GET()
                    .timeout(left.compareTo(PER_QUERY) < 0 ? left : PER_QUERY).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
                return new Answer(List.of(), "Prometheus answered " + response.statusCode() + " " + body.path("error").asText(""));
            }
            List<Series> series = new ArrayList<>();
            for (JsonNode result : body.path("data").path("result")) {
                Map<String, String> labels = new TreeMap<>();
                result.path("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
                List<Point> points = new ArrayList<>();
                for (JsonNode sample : result.path("values")) {
                    double value = parse(sample.get(1).asText());
                    if (Double.isFinite(value)) {
                        points.add(new Point(Instant.ofEpochMilli(Math.round(sample.get(0).asDouble() * 1000)), value));
                    }
                }
                if (!points.isEmpty()) {
                    series.add(new Series(labels, List.copyOf(points)));
                }
            }
            return new Answer(List.copyOf(series), "");
        } catch (IOException | RuntimeException e) {
            return new Answer(List.of(), "no answer from Prometheus: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(List.of(), "interrupted");
        }
    }

    private static double parse(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private static String seconds(Instant at) {
        return String.format(java.util.Locale.ROOT, "%.3f", at.toEpochMilli() / 1000.0);
    }
}
