package org.faithbot.verification.dashboard;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.faithbot.verification.browser.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The local operations dashboard from query_range answers in Prometheus's format (src/test/resources/dashboard/
 * query-range), served by an in-process HTTP server: every panel, its series and the alarms' threshold lines are on
 * the page, a panel without data (an empty answer, an error) says "no data", a Prometheus that does not answer leaves
 * a whole page of "no data" in bounded time, and the picture is a PNG of the whole page.
 */
class OperationsDashboardTest {

    private static final Instant FROM = Instant.ofEpochSecond(1_765_000_000L);
    private static final Instant TO = FROM.plusSeconds(120);

    /** Which recorded answer a query gets: the first whose marker it contains. */
    private static final Map<String, String> ANSWERS = new LinkedHashMap<>();

    static {
        ANSWERS.put("label_replace", "status-class.json");
        ANSWERS.put("vector(0)", "error-ratio.json");
        ANSWERS.put("histogram_quantile", "chat-p95.json");
        ANSWERS.put("sum(up{", "up-sum.json");
        ANSWERS.put("up{job", "up.json");
        ANSWERS.put("process_cpu_usage", "cpu.json");
        ANSWERS.put("jvm_memory_used_bytes", "heap.json");
        ANSWERS.put("ALERTS", "alerts.json");
    }

    private HttpServer prometheus;
    private final List<Map<String, String>> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void serveRecordedAnswers() throws IOException {
        prometheus = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        prometheus.createContext("/api/v1/query_range", this::answer);
        prometheus.start();
    }

    @AfterEach
    void stop() {
        prometheus.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : exchange.getRequestURI().getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            params.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        asked.add(params);
        String file = ANSWERS.entrySet().stream().filter(e -> params.get("query").contains(e.getKey())).map(Map.Entry::getValue).findFirst().orElseThrow();
        byte[] body;
        try (InputStream in = getClass().getResourceAsStream("/dashboard/query-range/" + file)) {
            body = in.readAllBytes();
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(file.equals("heap.json") ? 400 : 200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private String url() {
        return "http://127.0.0.1:" + prometheus.getAddress().getPort();
    }

    @Test
    void everyPanelShowsItsSeriesAndTheAlarmsThresholds(@TempDir Path dir) throws IOException {
        Path html = OperationsDashboard.writeHtml(url(), FROM, TO, dir);

        String page = Files.readString(html);
        assertThat(html).isEqualTo(dir.resolve(OperationsDashboard.HTML_FILE));
        assertThat(page).contains("<h2>Request rate by status class</h2>", "<h2>5xx ratio</h2>", "<h2>Chat response time p95 (POST /api/v1/chat)</h2>",
                "<h2>Instances up</h2>", "<h2>JVM CPU per instance</h2>", "<h2>JVM heap used per instance</h2>", "<h2>Firing alerts</h2>");
        assertThat(count(page, "class=\"threshold\"")).isEqualTo(4);
        assertThat(page).contains("alarm: 5 %", "alarm: 3 s", "alarm: 80 %");
        assertThat(seriesOn(page)).containsExactly("2xx", "5xx", "5xx %", "chat p95", "all instances", "127.0.0.1:8081", "127.0.0.1:8082",
                "HighErrorRate (critical)");
        // CPU answered nothing, the heap query was refused: both say so, the refusal with Prometheus's reason
        assertThat(count(page, "class=\"no-data\"")).isEqualTo(2);
        assertThat(page).contains("Prometheus answered 400 parse error at char 7");
        assertThat(page).contains("time (UTC)", "requests per second", "% of requests", "seconds", "% of the maximum heap");
        assertThat(page).as("self-contained: no script, nothing loaded from elsewhere").doesNotContain("<script", "src=", "href=", "@import", "url(");
        assertThat(page).as("the range's ends on the time axis").contains(">05:46:40</text>", ">05:48:40</text>");
    }

    @Test
    void everyQueryAsksForTheRangeAtTheStep(@TempDir Path dir) {
        OperationsDashboard.writeHtml(url(), FROM, TO, dir);

        assertThat(asked).hasSize(8);
        assertThat(asked).allSatisfy(p -> {
            assertThat(Double.parseDouble(p.get("start"))).isEqualTo(1_765_000_000.0);
            assertThat(Double.parseDouble(p.get("end"))).isEqualTo(1_765_000_120.0);
            assertThat(p.get("step")).isEqualTo("2s");
        });
        assertThat(asked).extracting(p -> p.get("query")).anySatisfy(q -> assertThat(q)
                .isEqualTo("histogram_quantile(0.95, sum by (le) (rate(http_server_requests_seconds_bucket{job=\"chatbot\",uri=\"/api/v1/chat\"}[20s])))"));
    }

    @Test
    void theStepKeepsAboutThreeHundredSixtyPointsAndNeverBeatsTheScrape() {
        assertThat(OperationsDashboard.step(FROM, FROM.plusSeconds(120))).isEqualTo(Duration.ofSeconds(2));
        assertThat(OperationsDashboard.step(FROM, FROM.plusSeconds(3600))).isEqualTo(Duration.ofSeconds(10));
        assertThat(OperationsDashboard.step(FROM, FROM.plusSeconds(3601))).isEqualTo(Duration.ofSeconds(11));
    }

    @Test
    void aPrometheusThatDoesNotAnswerLeavesEveryPanelNoDataQuickly(@TempDir Path dir) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        long started = System.nanoTime();

        String page = Files.readString(OperationsDashboard.writeHtml("http://127.0.0.1:" + closed, FROM, TO, dir));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(OperationsDashboard.QUERY_BUDGET);
        assertThat(count(page, "class=\"no-data\"")).isEqualTo(7);
        assertThat(page).contains("no answer from Prometheus: ConnectException", "alarm: 5 %", "alarm: 3 s");
    }

    @Test
    void thePictureIsAPngOfTheWholePage(@TempDir Path dir) throws IOException {
        assumeTrue(HeadlessChromium.installed(), "Debian's chromium and chromedriver are not installed here: no picture to check");

        Path png = OperationsDashboard.render(url(), FROM, TO, dir);

        assertThat(png).isEqualTo(dir.resolve(OperationsDashboard.PNG_FILE));
        assertThat(dir.resolve(OperationsDashboard.HTML_FILE)).exists();
        byte[] bytes = Files.readAllBytes(png);
        assertThat(Arrays.copyOf(bytes, 8)).containsExactly(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A);
        assertThat(new String(bytes, 12, 4, StandardCharsets.US_ASCII)).isEqualTo("IHDR");
        int width = ByteBuffer.wrap(bytes, 16, 4).getInt();
        int height = ByteBuffer.wrap(bytes, 20, 4).getInt();
        assertThat(width).as("the page's width").isBetween(1300, 2900);
        assertThat(height).as("four rows of panels, beyond the first screen of 900").isBetween(1200, 4000);
        assertThat(bytes.length).as("a picture with charts, not a blank page").isGreaterThan(40_000);
    }

    private static List<String> seriesOn(String page) {
        Matcher series = Pattern.compile("data-series=\"([^\"]*)\"").matcher(page);
        List<String> out = new CopyOnWriteArrayList<>();
        while (series.find()) {
            out.add(series.group(1));
        }
        return out;
    }

    private static int count(String text, String what) {
        return text.split(Pattern.quote(what), -1).length - 1;
    }
}
