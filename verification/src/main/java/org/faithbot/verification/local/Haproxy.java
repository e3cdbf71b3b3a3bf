package org.faithbot.verification.local;

import org.faithbot.verification.wait.Polling;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * HAProxy in front of the service instances, as the ALB is in AWS: HTTP health checks on the
 * readiness probe, round robin, and a runtime API (a UNIX socket) through which the harness reads
 * server states and counters and changes states and weights while traffic flows.
 */
public final class Haproxy {

    public static final String BACKEND = "chatbot";
    /**
     * Spare server slots of the backend (spare1, spare2, ...), in maintenance and pointing nowhere
     * until a deployment puts a new instance behind one at runtime ({@code set server chatbot/spareN
     * addr 127.0.0.1 port P}, then {@code state ready}): new instances join without a reload.
     */
    public static final int SPARE_SLOTS = 8;
    /**
     * Requests a server works on at once (HAProxy's server maxconn), the same as the service's own
     * limit (resilience4j bulkhead {@code api}, max-concurrent-calls 8). Measured on this machine's 2
     * cores, 200 clients back to back after a 60 s warm-up: round robin without it, 828 turns/s and
     * p95 551 ms (the two servers' queues drift apart); leastconn, 1,055/s and p95 326 ms, but a
     * canary's weight no longer holds and a fast-failing server draws more traffic; round robin with
     * it, 980/s and p95 319 ms.
     */
    public static final int MAX_REQUESTS_PER_SERVER = 8;
    /** The health check: every 500 ms; two failures take a server out, two successes bring it back. */
    public static final int CHECK_INTERVAL_MS = 500;

    private final ManagedProcess process;
    private final int port;
    private final int metricsPort;
    private final Path socket;

    private Haproxy(ManagedProcess process, int port, int metricsPort, Path socket) {
        this.process = process;
        this.port = port;
        this.metricsPort = metricsPort;
        this.socket = socket;
    }

    static Haproxy start(List<ServiceInstance> instances, Path runDirectory, ProcessRegistry registry) {
        int port = FreePort.onLoopback();
        int metricsPort = FreePort.onLoopback();
        Path config = runDirectory.resolve("haproxy.cfg");
        Path socket;
        try {
            // a UNIX socket path must stay short (108 bytes): a temporary folder, not the project's
            socket = Files.createTempDirectory("faithbot-haproxy").resolve("admin.sock");
            Files.writeString(config, configuration(port, metricsPort, socket, instances));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ManagedProcess process = ManagedProcess.start("haproxy", CpuShares.Role.BALANCER, List.of("haproxy", "-db", "-f", config.toString()),
                Map.of(), runDirectory.resolve("logs/haproxy.log"), registry, config.toString());
        Haproxy haproxy = new Haproxy(process, port, metricsPort, socket);
        haproxy.awaitSocket(Duration.ofSeconds(10));
        return haproxy;
    }

    static String configuration(int port, int metricsPort, Path socket, List<ServiceInstance> instances) {
        StringBuilder servers = new StringBuilder();
        for (ServiceInstance instance : instances) {
            servers.append("  server ").append(instance.name()).append(" 127.0.0.1:").append(instance.port()).append(" check\n");
        }
        for (String slot : spareSlots()) {
            servers.append("  server ").append(slot).append(" 127.0.0.1:1 check disabled\n");
        }
        return """
                global
                  stats socket %s mode 600 level admin
                  log stdout format raw local0 notice
                  maxconn 4096

                defaults
                  mode http
                  log global
                  option log-health-checks
                  timeout connect 2s
                  timeout client 60s
                  timeout server 60s
                  timeout queue 30s
                  # a readiness check may take this long (as an ALB's health-check timeout); without it
                  # HAProxy allows only the check interval, and a busy instance answering in 600 ms
                  # would be taken out of rotation (both at once, under load)
                  timeout check 2s
                  option redispatch
                  retries 2

                frontend public
                  bind 127.0.0.1:%d
                  default_backend %s

                # the balancer's own figures for Prometheus (as the ALB's in CloudWatch): the responses it answered
                # itself too (a 503 when no server is up), which the instances never see
                frontend metrics
                  bind 127.0.0.1:%d
                  no log
                  http-request use-service prometheus-exporter if { path /metrics }
                  http-request return status 404

                backend %s
                  balance roundrobin
                  # each server works on at most MAX_REQUESTS_PER_SERVER requests at once (the service's
                  # own concurrency limit); the others wait in one queue for the first free server, in
                  # order, so a server slowed for a moment (a GC, a JIT still compiling) gets fewer
                  # requests instead of a queue of its own, and the weights of a canary still hold
                  option httpchk
                  http-check send meth GET uri /actuator/health/readiness
                  http-check expect status 200
                  default-server inter %dms fastinter %dms downinter %dms fall 2 rise 2 maxconn %d
                %s""".formatted(socket, port, BACKEND, metricsPort, BACKEND, CHECK_INTERVAL_MS, CHECK_INTERVAL_MS / 2, CHECK_INTERVAL_MS,
                MAX_REQUESTS_PER_SERVER, servers);
    }

    /** The names of the spare server slots (see {@link #SPARE_SLOTS}). */
    public static List<String> spareSlots() {
        return java.util.stream.IntStream.rangeClosed(1, SPARE_SLOTS).mapToObj(i -> "spare" + i).toList();
    }

    private void awaitSocket(Duration timeout) {
        boolean open = Polling.until(timeout, Duration.ofMillis(50), () -> {
            if (!Files.exists(socket)) {
                return false;
            }
            try {
                command("show info");
                return true;
            } catch (UncheckedIOException notYet) {
                return false; // the socket file exists before haproxy accepts on it
            }
        }, () -> !process.isAlive());
        if (!open && !process.isAlive()) {
            throw new IllegalStateException("haproxy exited:\n" + process.logTail(20));
        }
        if (!open) {
            throw new IllegalStateException("haproxy's runtime API did not open within " + timeout);
        }
    }

    /** Where Prometheus scrapes the balancer's own metrics ({@code /metrics}, HAProxy's exporter), as host:port. */
    public String metricsAddress() {
        return "127.0.0.1:" + metricsPort;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    /** Sends one command to the runtime API and returns its answer. */
    public String command(String command) {
        return command(socket, command);
    }

    /** Sends one command to the runtime API of the HAProxy listening on {@code socket} and returns its answer. */
    public static String command(Path socket, String command) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(16384);
            while (channel.read(buffer) >= 0) {
                answer.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return answer.toString(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("haproxy runtime API: " + command, e);
        }
    }

    /** The servers of the service's backend, by name, as HAProxy sees them now. */
    public Map<String, BackendServer> servers() {
        String[] lines = command("show stat").split("\n");
        List<String> header = Arrays.asList(lines[0].replaceFirst("^# ", "").split(","));
        int proxy = header.indexOf("pxname");
        int name = header.indexOf("svname");
        int status = header.indexOf("status");
        int sessions = header.indexOf("stot");
        int errors = header.indexOf("hrsp_5xx");
        int check = header.indexOf("check_status");
        Map<String, BackendServer> servers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].split(",", -1);
            if (f.length > status && f[proxy].equals(BACKEND) && !f[name].equals("BACKEND") && !f[name].equals("FRONTEND")) {
                servers.put(f[name], new BackendServer(f[name], f[status], parse(f[sessions]), parse(f[errors]), f[check]));
            }
        }
        return servers;
    }

    public BackendServer server(String name) {
        BackendServer server = servers().get(name);
        if (server == null) {
            throw new IllegalArgumentException("no server " + name + " in backend " + BACKEND);
        }
        return server;
    }

    /** Waits until the server's state satisfies the condition; returns how long that took. */
    public Duration awaitServer(String name, Predicate<BackendServer> condition, Duration timeout) {
        long start = System.nanoTime();
        if (Polling.until(timeout, Duration.ofMillis(25), () -> condition.test(server(name)))) {
            return Duration.ofNanos(System.nanoTime() - start);
        }
        throw new IllegalStateException("server " + name + " did not reach the expected state within " + timeout + ": " + server(name));
    }

    /** set server chatbot/NAME state ready|drain|maint */
    public void setState(String server, String state) {
        expectEmpty(command("set server " + BACKEND + "/" + server + " state " + state));
    }

    public void setWeight(String server, int weight) {
        expectEmpty(command("set server " + BACKEND + "/" + server + " weight " + weight));
    }

    private static void expectEmpty(String answer) {
        if (!answer.isBlank()) {
            throw new IllegalStateException("haproxy refused: " + answer.trim());
        }
    }

    private static long parse(String value) {
        return value.isEmpty() ? 0 : Long.parseLong(value);
    }

    void stop() {
        process.stop(Duration.ofSeconds(5));
        try {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
        } catch (IOException e) {
            // a leftover empty temporary folder is harmless
        }
    }
}
