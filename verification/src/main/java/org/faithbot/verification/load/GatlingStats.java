package org.faithbot.verification.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures of a Gatling run, read from its HTML report. Gatling 3.15 writes no stats JSON any
 * more (its simulation.log is binary); the report's statistics table is the one complete, stable
 * source: per request name and for "All Requests", counts (total, OK, KO, % KO, count per second over
 * the run) and response times in ms (min, 50th, 75th, 95th, 99th percentile, max, mean, std dev).
 * Columns are found by their headers, not by position.
 */
public record GatlingStats(Map<String, RequestStats> requests) {

    public static final String ALL_REQUESTS = "All Requests";

    private static final Pattern HEADER = Pattern.compile("<th id=\"(col-\\d+)\"[^>]*>(.*?)</th>", Pattern.DOTALL);
    private static final Pattern ROW = Pattern.compile("<tr id=\"([^\"]+)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">(.*?)</span>", Pattern.DOTALL);
    private static final Pattern CELL = Pattern.compile("<td class=\"value[^\"]*\\b(col-\\d+)\">([^<]*)</td>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    /** One row of the statistics table. Response times in ms; {@code perSecond} is over the whole run. */
    public record RequestStats(String name, long total, long ok, long ko, double koPercent, double perSecond,
                               double min, double p50, double p75, double p95, double p99, double max, double mean) {

        /** Failed requests over all requests, in percent (exact, not Gatling's rounded figure). */
        public double errorPercent() {
            return total == 0 ? 0 : 100.0 * ko / total;
        }
    }

    public static GatlingStats read(Path reportDirectory) {
        try {
            return parse(Files.readString(reportDirectory.resolve("index.html")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Gatling report in " + reportDirectory, e);
        }
    }

    static GatlingStats parse(String html) {
        Map<String, String> columns = new HashMap<>();
        Matcher header = HEADER.matcher(html);
        while (header.find()) {
            columns.put(header.group(1), TAG.matcher(header.group(2)).replaceAll("").trim());
        }
        if (!columns.containsValue("95th pct")) {
            throw new IllegalStateException("no statistics table in the Gatling report (columns found: " + columns.values() + ")");
        }
        Map<String, RequestStats> requests = new LinkedHashMap<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            Matcher name = NAME.matcher(row.group(2));
            if (!name.find()) {
                continue;
            }
            Map<String, String> values = new HashMap<>();
            Matcher cell = CELL.matcher(row.group(2));
            while (cell.find()) {
                values.put(columns.get(cell.group(1)), cell.group(2).trim());
            }
            if (!values.containsKey("Total")) {
                continue;
            }
            String requestName = unescape(name.group(1).trim());
            requests.putIfAbsent(requestName, new RequestStats(requestName,
                    (long) number(values, "Total"), (long) number(values, "OK"), (long) number(values, "KO"),
                    number(values, "% KO"), number(values, "Cnt/s"), number(values, "Min"),
                    number(values, "50th pct"), number(values, "75th pct"), number(values, "95th pct"), number(values, "99th pct"),
                    number(values, "Max"), number(values, "Mean")));
        }
        if (!requests.containsKey(ALL_REQUESTS)) {
            throw new IllegalStateException("the Gatling report has no '" + ALL_REQUESTS + "' row");
        }
        return new GatlingStats(requests);
    }

    private static double number(Map<String, String> values, String column) {
        String value = values.get(column);
        if (value == null || value.isEmpty() || value.equals("-")) {
            return Double.NaN;
        }
        return Double.parseDouble(value.replace(",", "").replace("%", ""));
    }

    private static String unescape(String html) {
        return html.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
    }

    public RequestStats global() {
        return requests.get(ALL_REQUESTS);
    }

    public Optional<RequestStats> request(String name) {
        return Optional.ofNullable(requests.get(name));
    }

    public List<String> requestNames() {
        List<String> names = new ArrayList<>(requests.keySet());
        names.remove(ALL_REQUESTS);
        return names;
    }

    public String summary() {
        RequestStats all = global();
        String chat = request(Journeys.CHAT_MESSAGE).map(c -> String.format(", chat p95 %.0f ms", c.p95())).orElse("");
        return String.format("%d requests, %d KO (%.3f %%), %.1f req/s, p95 %.0f ms%s", all.total(), all.ko(), all.errorPercent(),
                all.perSecond(), all.p95(), chat);
    }
}
