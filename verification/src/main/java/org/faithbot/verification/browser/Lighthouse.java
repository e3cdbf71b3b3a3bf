package org.faithbot.verification.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.local.ProcessRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Lighthouse (npm {@code lighthouse}, pinned in tools/package.json) on Debian's headless Chromium: the field's reference
 * for how fast a page loads on a phone. Each run is a cold load under Lighthouse's simulated throttling of a profile
 * (round-trip time, throughput, CPU slowdown), performance category only; its JSON and HTML reports are kept. A run
 * whose trace Lighthouse lost (NO_NAVSTART and its kin) is retried, and the retries are counted.
 */
public final class Lighthouse {

    /** A throttling profile: null figures leave Lighthouse's default (mobile, Slow 4G: 150 ms RTT, 1.6 Mbps, CPU 4x). */
    public record Profile(String name, Integer rttMillis, Integer throughputKbps, Integer cpuSlowdown) {

        /** Lighthouse's Regular 3G values: 300 ms round trips, 700 kbps, a CPU 4 times slower (a mid-range phone). */
        public static final Profile REGULAR_3G = new Profile("3G (Lighthouse, simulated: 300 ms RTT, 700 kbps, CPU 4x slower)", 300, 700, 4);
        /** Lighthouse's default mobile profile. */
        public static final Profile DEFAULT_MOBILE = new Profile("Slow 4G (Lighthouse's default mobile: 150 ms RTT, 1.6 Mbps, CPU 4x slower)",
                null, null, null);

        List<String> flags() {
            List<String> flags = new ArrayList<>(List.of("--throttling-method=simulate", "--form-factor=mobile"));
            if (rttMillis != null) {
                flags.add("--throttling.rttMs=" + rttMillis);
                flags.add("--throttling.throughputKbps=" + throughputKbps);
                flags.add("--throttling.cpuSlowdownMultiplier=" + cpuSlowdown);
            }
            return flags;
        }
    }

    /** One run's figures in ms, its reports, and how many times its trace was lost and the run retried. */
    public record Run(double largestContentfulPaintMillis, double timeToInteractiveMillis, double firstContentfulPaintMillis,
                      double speedIndexMillis, double totalBlockingTimeMillis, Path jsonReport, Path htmlReport, int retries) {
    }

    static final Set<String> LOST_TRACE = Set.of("NO_NAVSTART", "NO_FCP", "NO_LCP", "NO_TRACING_STARTED", "NO_SCREENSHOTS", "NO_SPEEDLINE_FRAMES");
    private static final int ATTEMPTS = 3;
    private static final long TIMEOUT_SECONDS = 150;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path cli;
    private final Path reports;

    private Lighthouse(Path cli, Path reports) {
        this.cli = cli;
        this.reports = reports;
    }

    /** Lighthouse of the project's tools/, writing its reports under {@code reports}. */
    public static Lighthouse of(Path projectRoot, Path reports) {
        Path cli = projectRoot.resolve("tools/node_modules/lighthouse/cli/index.js");
        if (!Files.isRegularFile(cli)) {
            throw new IllegalStateException("lighthouse is not installed under tools/node_modules: run bin/test or bin/launch-readiness (npm ci in tools/)");
        }
        return new Lighthouse(cli, reports);
    }

    /** Loads {@code url} once under {@code profile}; the reports are named {@code name}.report.json and .html. */
    public Run run(String url, Profile profile, String name) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            JsonNode lhr = launch(url, profile, name);
            String error = lhr.path("runtimeError").path("code").asText("");
            if (error.isEmpty()) {
                JsonNode audits = lhr.path("audits");
                return new Run(ms(audits, "largest-contentful-paint"), ms(audits, "interactive"), ms(audits, "first-contentful-paint"),
                        ms(audits, "speed-index"), ms(audits, "total-blocking-time"), reports.resolve(name + ".report.json"),
                        reports.resolve(name + ".report.html"), attempt);
            }
            if (!LOST_TRACE.contains(error)) {
                throw new IllegalStateException("Lighthouse could not measure " + url + ": " + error + " " + lhr.path("runtimeError").path("message").asText());
            }
        }
        throw new IllegalStateException("Lighthouse lost the trace of " + url + " in " + ATTEMPTS + " attempts in a row");
    }

    private JsonNode launch(String url, Profile profile, String name) {
        List<String> command = new ArrayList<>(List.of("node", cli.toString(), url, "--quiet", "--only-categories=performance",
                "--output=json", "--output=html", "--output-path=" + reports.resolve(name),
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --no-first-run"));
        command.addAll(profile.flags());
        try {
            Files.createDirectories(reports);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(reports.resolve(name + ".log").toFile());
            builder.environment().put("CHROME_PATH", HeadlessChromium.executable("chromium"));
            Process process = builder.start();
            try (ProcessRegistry.Registration ignored = ProcessRegistry.shared().track("lighthouse", process, cli.toString())) {
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new IllegalStateException("Lighthouse did not finish within " + TIMEOUT_SECONDS + " s on " + url);
                }
            }
            Path json = reports.resolve(name + ".report.json");
            if (!Files.isRegularFile(json)) { // a run that lost its trace still writes its report, with a runtimeError
                throw new IllegalStateException("Lighthouse ended with " + process.exitValue() + " on " + url + ": see " + reports.resolve(name + ".log"));
            }
            return JSON.readTree(json.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run Lighthouse", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Lighthouse ran", e);
        }
    }

    private static double ms(JsonNode audits, String audit) {
        JsonNode value = audits.path(audit).path("numericValue");
        if (!value.isNumber()) {
            throw new IllegalStateException("Lighthouse's report has no " + audit + " figure");
        }
        return value.asDouble();
    }
}
