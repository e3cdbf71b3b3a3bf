package org.faithbot.verification.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.faithbot.verification.wait.Polling;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for CloudFront: Varnish in front of the balancer, with the cache rules of the distribution in
 * terraform/modules/cdn ({@code cdn/cloudfront.vcl}), on a free loopback port, started and stopped by PID. Its own
 * counters (varnishstat) say how many requests it served from its cache.
 */
public final class LocalCdn {

    static final String VCL = "cdn/cloudfront.vcl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ManagedProcess process;
    private final int port;
    private final Path workDirectory;

    private LocalCdn(ManagedProcess process, int port, Path workDirectory) {
        this.process = process;
        this.port = port;
        this.workDirectory = workDirectory;
    }

    /** Starts Varnish in front of {@code backendPort} on the loopback, and waits until it answers. */
    static LocalCdn start(int backendPort, Path runDirectory, ProcessRegistry registry) {
        int port = FreePort.onLoopback();
        Path vcl = runDirectory.resolve("cloudfront.vcl");
        Path work;
        try {
            Files.createDirectories(runDirectory);
            Files.writeString(vcl, configuration(backendPort));
            // varnishd's working directory holds its shared-memory log and compiled VCL: a short temporary path, as for the
            // balancer's socket, made by varnishd itself (run as root it hands it to its unprivileged users), in a folder
            // they may traverse
            Path parent = Files.createTempDirectory("faithbot-cdn", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
            work = parent.resolve("varnish");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess process = ManagedProcess.start("cdn", CpuShares.Role.CDN, List.of("varnishd", "-F", "-n", work.toString(),
                        "-a", "127.0.0.1:" + port, "-T", "127.0.0.1:0", "-f", vcl.toString(), "-s", "malloc,64m",
                        "-p", "thread_pool_min=20", "-p", "thread_pool_max=500"),
                Map.of(), runDirectory.resolve("logs/cdn.log"), registry, work.toString());
        LocalCdn cdn = new LocalCdn(process, port, work);
        cdn.awaitAnswer(Duration.ofSeconds(20));
        return cdn;
    }

    /** The VCL with the balancer's port filled in. */
    static String configuration(int backendPort) {
        try (InputStream in = LocalCdn.class.getClassLoader().getResourceAsStream(VCL)) {
            if (in == null) {
                throw new IllegalStateException(VCL + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${BACKEND_PORT}", Integer.toString(backendPort));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitAnswer(Duration timeout) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            if (!Polling.until(timeout, Duration.ofMillis(200), () -> answers(client), () -> !process.isAlive())) {
                throw new IllegalStateException("the CDN (varnishd) " + (process.isAlive() ? "did not answer within " + timeout : "exited at start")
                        + ": " + process.logTail(20));
            }
        }
    }

    private boolean answers(HttpClient client) throws InterruptedException {
        try {
            return client.send(HttpRequest.newBuilder(URI.create(url() + "/")).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() > 0;
        } catch (IOException notYet) {
            return false; // not listening yet
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Varnish's own counters now. */
    public CdnCounters counters() {
        try {
            Process stat = new ProcessBuilder("varnishstat", "-n", workDirectory.toString(), "-j",
                    "-f", "MAIN.cache_hit", "-f", "MAIN.cache_miss", "-f", "MAIN.fetch_304", "-f", "MAIN.s_pass",
                    "-f", "MAIN.client_req").redirectErrorStream(false).start();
            byte[] out = stat.getInputStream().readAllBytes();
            if (!stat.waitFor(10, TimeUnit.SECONDS) || stat.exitValue() != 0) {
                throw new IllegalStateException("varnishstat failed: " + new String(stat.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
            }
            JsonNode root = JSON.readTree(out);
            JsonNode counters = root.has("counters") ? root.path("counters") : root;
            return new CdnCounters(value(counters, "MAIN.client_req"), value(counters, "MAIN.cache_hit"), value(counters, "MAIN.cache_miss"),
                    value(counters, "MAIN.fetch_304"), value(counters, "MAIN.s_pass"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CDN's counters", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted reading the CDN's counters", e);
        }
    }

    private static long value(JsonNode counters, String name) {
        JsonNode counter = counters.path(name);
        if (counter.isMissingNode()) {
            throw new IllegalStateException("varnishstat has no counter " + name);
        }
        return counter.path("value").asLong();
    }

    /** Stops Varnish by its PID and removes its working directory. */
    public void stop() {
        process.stop(Duration.ofSeconds(5));
        try (var paths = Files.walk(workDirectory.getParent())) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.out.println("[local target] could not remove the CDN's working directory " + workDirectory + ": " + e.getMessage());
        }
    }
}
