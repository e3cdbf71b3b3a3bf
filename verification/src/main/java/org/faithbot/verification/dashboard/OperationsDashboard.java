package org.faithbot.verification.dashboard;

import org.faithbot.verification.browser.HeadlessChromium;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The operations dashboard of the local target, as the Terraform's operations dashboard shows AWS: the panels read
 * from the run's Prometheus over a time range (query_range), written as one self-contained HTML page of inline SVG
 * charts with the alarms' threshold lines (5 % errors, chat p95 3 s, CPU and heap 80 %), and rendered to PNG by
 * the harness's headless Chromium, for the game day's report. A panel without data says "no data"; the queries
 * share a bounded time, and so does the picture.
 */
public final class OperationsDashboard {

    public static final String HTML_FILE = "operations-dashboard.html";
    public static final String PNG_FILE = "operations-dashboard.png";

    static final Duration QUERY_BUDGET = Duration.ofSeconds(30);
    static final Duration PICTURE_BUDGET = Duration.ofSeconds(90);
    /** Prometheus scrapes every 2 s locally (monitoring/prometheus.yml): no finer step than that. */
    private static final Duration FINEST_STEP = Duration.ofSeconds(2);
    private static final int POINTS = 360;
    private static final int PAGE_WIDTH = 1400;
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private OperationsDashboard() {
    }

    /** The panels, their rate windows at least {@code window} (the alert rules' 20 s, or the step when it is coarser). */
    static List<DashboardPanel> panels(Duration window) {
        String w = "[" + window.toSeconds() + "s]";
        String requests = "http_server_requests_seconds_count{job=\"chatbot\"}";
        return List.of(
                DashboardPanel.of("Request rate by status class", "requests per second",
                        new DashboardPanel.Query("sum by (class) (label_replace(rate(" + requests + w + "), \"class\", \"${1}xx\", \"status\", \"(.)..\"))",
                                "{class}")),
                // at the balancer, as the alarm counts them: the 503s it answers itself when no instance is ready included
                DashboardPanel.of("5xx ratio", "% of requests",
                        new DashboardPanel.Query("100 * (sum(rate(haproxy_frontend_http_responses_total{job=\"balancer\",proxy=\"public\",code=\"5xx\"}" + w
                                + ")) or vector(0)) / sum(rate(haproxy_frontend_http_requests_total{job=\"balancer\",proxy=\"public\"}" + w + "))",
                                "5xx %")).withThreshold(5, "alarm: 5 %"),
                DashboardPanel.of("Chat response time p95 (POST /api/v1/chat)", "seconds",
                        new DashboardPanel.Query("histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{job=\"chatbot\",uri=\"/api/v1/chat\"}"
                                + w + ")))", "chat p95")).withThreshold(3, "alarm: 3 s"),
                DashboardPanel.of("Instances up", "instances",
                        new DashboardPanel.Query("sum(up{job=\"chatbot\"})", "all instances"),
                        new DashboardPanel.Query("up{job=\"chatbot\"}", "{instance}")),
                DashboardPanel.of("JVM CPU per instance", "% of the machine's CPUs",
                        new DashboardPanel.Query("100 * process_cpu_usage{job=\"chatbot\"}", "{instance}")).withThreshold(80, "alarm: 80 %"),
                DashboardPanel.of("JVM heap used per instance", "% of the maximum heap",
                        new DashboardPanel.Query("100 * sum by (instance) (jvm_memory_used_bytes{job=\"chatbot\",area=\"heap\"}) / sum by (instance) "
                                + "(jvm_memory_max_bytes{job=\"chatbot\",area=\"heap\"} > 0)", "{instance}")).withThreshold(80, "alarm: 80 %"),
                DashboardPanel.of("Firing alerts", "firing alerts",
                        new DashboardPanel.Query("sum by (alertname, severity) (ALERTS{alertstate=\"firing\"})", "{alertname} ({severity})")));
    }

    /**
     * Writes {@value #HTML_FILE} and its picture {@value #PNG_FILE} into {@code directory} (made if missing) and returns
     * the picture's path. Needs Prometheus at {@code prometheusUrl} (an unanswered query leaves its panel "no data")
     * and Debian's chromium and chromedriver (without them, or when the picture takes longer than 90 s, it throws
     * {@link IllegalStateException} after the HTML page is written).
     */
    public static Path render(String prometheusUrl, Instant from, Instant to, Path directory) {
        Path html = writeHtml(prometheusUrl, from, to, directory);
        Path png = directory.resolve(PNG_FILE);
        write(png, picture(html));
        return png;
    }

    /** Only the page: {@value #HTML_FILE} in {@code directory}, returned. Never throws for missing data or a silent Prometheus. */
    public static Path writeHtml(String prometheusUrl, Instant from, Instant to, Path directory) {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the dashboard's range must start before it ends: " + from + " .. " + to);
        }
        Duration step = step(from, to);
        Duration window = step.compareTo(Duration.ofSeconds(20)) > 0 ? step : Duration.ofSeconds(20);
        PrometheusRange prometheus = new PrometheusRange(prometheusUrl, Instant.now().plus(QUERY_BUDGET));
        StringBuilder sections = new StringBuilder();
        for (DashboardPanel panel : panels(window)) {
            List<SvgLineChart.Line> lines = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (DashboardPanel.Query query : panel.queries()) {
                PrometheusRange.Answer answer = prometheus.query(query.promql(), from, to, step);
                answer.series().forEach(s -> lines.add(new SvgLineChart.Line(query.name(s.labels()), s.points())));
                if (!answer.problem().isEmpty()) {
                    problems.add(answer.problem());
                }
            }
            String chart = SvgLineChart.render(lines, from, to, step, panel.unit(), panel.threshold(), panel.thresholdLabel(),
                    problems.isEmpty() ? "" : problems.getFirst());
            sections.append("<section class=\"panel\"><h2>").append(Html.escape(panel.title())).append("</h2>").append(chart);
            for (DashboardPanel.Query query : panel.queries()) {
                sections.append("<p class=\"query\"><code>").append(Html.escape(query.promql())).append("</code></p>");
            }
            sections.append("</section>\n");
        }
        String page = """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Operations dashboard (local target)</title>
                <style>
                body { font-family: sans-serif; margin: 16px; width: %dpx; color: #222; background: #fff; }
                h1 { font-size: 22px; margin: 0 0 4px; } .range { color: #555; margin: 0 0 12px; }
                main { display: grid; grid-template-columns: 1fr 1fr; gap: 14px; }
                .panel { border: 1px solid #ddd; border-radius: 4px; padding: 8px; }
                .panel h2 { font-size: 15px; margin: 0 0 6px; }
                .query { font-size: 10px; color: #777; margin: 2px 0; overflow-wrap: anywhere; }
                </style></head>
                <body><h1>Operations dashboard (local target)</h1>
                <p class="range">%s to %s, step %d s, from Prometheus at %s (the panels of the Terraform's operations dashboard, on the service's own metrics)</p>
                <main>
                %s</main></body></html>
                """.formatted(PAGE_WIDTH - 32, WHEN.format(from), WHEN.format(to), step.toSeconds(), Html.escape(prometheusUrl), sections);
        Path html = directory.resolve(HTML_FILE);
        write(html, page.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return html;
    }

    /** About {@value #POINTS} points over the range, never finer than the scrape interval, in whole seconds. */
    static Duration step(Instant from, Instant to) {
        long seconds = (long) Math.ceil(Duration.between(from, to).toMillis() / 1000.0 / POINTS);
        Duration step = Duration.ofSeconds(Math.max(seconds, 1));
        return step.compareTo(FINEST_STEP) < 0 ? FINEST_STEP : step;
    }

    private static byte[] picture(Path html) {
        if (!HeadlessChromium.installed()) {
            throw new IllegalStateException("no picture of " + html + ": Debian's chromium and chromium-driver are not installed");
        }
        HeadlessChromium browser = HeadlessChromium.start(PAGE_WIDTH, 900);
        try {
            return CompletableFuture.supplyAsync(() -> {
                browser.driver().get(html.toUri().toString());
                return browser.fullPageScreenshot();
            }).get(PICTURE_BUDGET.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("no picture of " + html + " within " + PICTURE_BUDGET.toSeconds() + " s", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("no picture of " + html + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the picture of " + html, e);
        } finally {
            browser.close();
        }
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
