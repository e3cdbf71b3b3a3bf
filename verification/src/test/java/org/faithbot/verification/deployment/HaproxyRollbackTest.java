package org.faithbot.verification.deployment;

import org.faithbot.verification.local.Haproxy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The controller driving a real HAProxy (the same backend as the local target's: health checks on
 * readiness, two servers and spare slots) in front of stand-in instances, with requests flowing all
 * along: a canary failing chat requests is rolled back and HAProxy's servers are left exactly as
 * they were; a good blue-green switch loses no request.
 */
class HaproxyRollbackTest {

    private static final List<String> SPARES = List.of("spare1", "spare2", "spare3", "spare4");

    @TempDir
    Path directory;
    private Process haproxy;
    private Path socket;
    private int port;
    private final Map<String, StubInstance> running = new LinkedHashMap<>();
    private final Traffic traffic = new Traffic();

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/sbin/haproxy")) || onPath("haproxy"), "haproxy is not installed");
        running.put("s1", new StubInstance("s1", Release.good("1.0")));
        running.put("s2", new StubInstance("s2", Release.good("1.0")));
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        socket = Files.createTempDirectory("haproxy-test").resolve("admin.sock");
        StringBuilder servers = new StringBuilder();
        running.forEach((name, instance) -> servers.append("  server ").append(name).append(" 127.0.0.1:").append(instance.port()).append(" check\n"));
        SPARES.forEach(spare -> servers.append("  server ").append(spare).append(" 127.0.0.1:1 check disabled\n"));
        Path config = directory.resolve("haproxy.cfg");
        Files.writeString(config, """
                global
                  stats socket %s mode 600 level admin
                defaults
                  mode http
                  timeout connect 2s
                  timeout client 30s
                  timeout server 30s
                  option redispatch
                  retries 2
                frontend public
                  bind 127.0.0.1:%d
                  default_backend chatbot
                backend chatbot
                  balance roundrobin
                  option httpchk
                  http-check send meth GET uri /actuator/health/readiness
                  http-check expect status 200
                  default-server inter 200ms fastinter 100ms downinter 200ms fall 2 rise 2
                %s""".formatted(socket, port, servers));
        haproxy = new ProcessBuilder("haproxy", "-db", "-f", config.toString()).redirectErrorStream(true)
                .redirectOutput(directory.resolve("haproxy.log").toFile()).start();
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(50);
        }
        for (int i = 0; i < 100 && !command("show stat").contains("s2,0,0"); i++) {
            Thread.sleep(50);
        }
        HaproxyBalancer balancer = balancer();
        for (int i = 0; i < 100 && !(balancer.server("s1").status().equals("UP") && balancer.server("s2").status().equals("UP")); i++) {
            Thread.sleep(50);
        }
    }

    private static boolean onPath(String program) {
        return java.util.Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":")).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    @AfterEach
    void stop() throws Exception {
        traffic.stop();
        if (haproxy != null) {
            haproxy.destroy();
            if (!haproxy.waitFor(5, TimeUnit.SECONDS)) {
                haproxy.destroyForcibly();
            }
        }
        running.values().forEach(StubInstance::stop);
        if (socket != null) {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(socket.getParent());
        }
    }

    private String command(String command) {
        return Haproxy.command(socket, command);
    }

    private HaproxyBalancer balancer() {
        return new HaproxyBalancer(this::command, SPARES);
    }

    private final class StubFleet implements Fleet {
        @Override
        public NewInstance launch(String name, Release release) {
            StubInstance instance = new StubInstance(name, release);
            running.put(name, instance);
            return instance;
        }

        @Override
        public void retire(String name) {
            StubInstance instance = running.remove(name);
            if (instance != null) {
                instance.stop();
            }
        }

        @Override
        public Optional<String> url(String name) {
            return Optional.ofNullable(running.get(name)).map(StubInstance::url);
        }

        @Override
        public boolean running(String name) {
            return running.containsKey(name);
        }
    }

    /** Smoke journeys on a stand-in: chat requests straight to it must all succeed. */
    private static final class StubSmoke implements SmokeCheck {
        private static final HttpClient HTTP = HttpClient.newHttpClient();

        @Override
        public Result journeys(String baseUrl, Release expected, int journeys) {
            List<String> failures = new ArrayList<>();
            for (int i = 0; i < 3 * journeys; i++) {
                int status = send(baseUrl + "/api/v1/chat");
                if (status != 200) {
                    failures.add("POST /api/v1/chat answered " + status);
                }
            }
            return new Result(3 * journeys, failures.size(), failures, List.of(), List.of());
        }

        @Override
        public Optional<String> releaseLabel(String instanceUrl) {
            try {
                String body = HTTP.send(HttpRequest.newBuilder(URI.create(instanceUrl + "/actuator/info")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                return Optional.of(body.replaceAll(".*\"label\":\"([^\"]+)\".*", "$1"));
            } catch (IOException | InterruptedException e) {
                return Optional.empty();
            }
        }

        @Override
        public void warmUp(String instanceUrl, int requests) {
        }
    }

    static int send(String url) {
        try {
            return StubSmoke.HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Members chatting through HAProxy all along: 4 senders back to back. */
    private final class Traffic {
        private final AtomicBoolean on = new AtomicBoolean();
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private final List<Thread> senders = new ArrayList<>();

        void start() {
            on.set(true);
            for (int i = 0; i < 4; i++) {
                senders.add(Thread.ofPlatform().daemon(true).start(() -> {
                    while (on.get()) {
                        sent.incrementAndGet();
                        if (send("http://127.0.0.1:" + port + "/api/v1/chat") != 200) {
                            failed.incrementAndGet();
                        }
                    }
                }));
            }
        }

        void stop() throws InterruptedException {
            on.set(false);
            for (Thread sender : senders) {
                sender.join(5000);
            }
        }
    }

    private DeploymentController controller(HaproxyBalancer balancer, StubFleet fleet) {
        DeploymentSettings settings = new DeploymentSettings(Duration.ofSeconds(10), Duration.ofSeconds(1), 2, 1, List.of(10, 50, 100),
                Duration.ofMillis(800), Duration.ofSeconds(5), Duration.ofMillis(300), Duration.ofMillis(50), Duration.ofSeconds(5),
                Duration.ofSeconds(5), GateThresholds.standard());
        return new DeploymentController(balancer, fleet, new LiveMetrics(balancer, fleet), new StubSmoke(), settings);
    }

    private static Map<String, String> states(HaproxyBalancer balancer) {
        Map<String, String> states = new LinkedHashMap<>();
        balancer.servers().values().forEach(s -> states.put(s.name(), s.status() + " weight " + s.weight() + " at " + s.address()));
        return states;
    }

    @Test
    void aCanaryFailingChatRequestsIsRolledBackAndHaproxysServersAreLeftAsTheyWere() throws Exception {
        HaproxyBalancer balancer = balancer();
        StubFleet fleet = new StubFleet();
        Map<String, String> before = states(balancer);
        traffic.start();

        DeploymentOutcome outcome = controller(balancer, fleet).deploy(DeploymentPlan.of(Strategy.CANARY, Release.failingChats("2.0-bad", 0.3),
                List.of("c1")));
        long failedAtRollback = traffic.failed.get();
        Balancer.Counters atRollback = balancer.frontend();
        Thread.sleep(500);
        traffic.stop();

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(DeploymentOutcome.Result.ROLLED_BACK);
        assertThat(outcome.failedGate().gate()).isEqualTo("canary 10 %");
        assertThat(outcome.rollbackTime()).isLessThan(Duration.ofSeconds(2));
        assertThat(states(balancer)).as("HAProxy's servers after the rollback").isEqualTo(before);
        assertThat(failedAtRollback).as("requests that failed while the canary took traffic").isPositive();
        assertThat(traffic.failed.get()).as("requests that failed after the rollback").isEqualTo(failedAtRollback);
        assertThat(balancer.frontend().minus(atRollback).failed()).isZero();
        assertThat(fleet.running("c1")).isFalse();
    }

    @Test
    void aGoodBlueGreenSwitchLosesNoRequestAndRetiresBlue() throws Exception {
        HaproxyBalancer balancer = balancer();
        StubFleet fleet = new StubFleet();
        traffic.start();
        Thread.sleep(300);

        DeploymentOutcome outcome = controller(balancer, fleet).deploy(DeploymentPlan.of(Strategy.BLUE_GREEN, Release.good("2.0"),
                List.of("g1", "g2")));
        Thread.sleep(300);
        traffic.stop();

        assertThat(outcome.result()).as(outcome.describe()).isEqualTo(DeploymentOutcome.Result.COMPLETED);
        assertThat(traffic.sent.get()).isGreaterThan(100);
        assertThat(traffic.failed.get()).as("failed requests of %d", traffic.sent.get()).isZero();
        Map<String, ServerState> after = balancer.servers();
        assertThat(after.get("s1").inMaintenance() && after.get("s2").inMaintenance()).as("blue out of the balancer: %s", after).isTrue();
        assertThat(outcome.newServers()).allSatisfy(server -> assertThat(after.get(server).inRotation()).isTrue());
        assertThat(fleet.running("s1") || fleet.running("s2")).as("blue retired").isFalse();
        assertThat(outcome.minimumInRotation()).isEqualTo(2);
    }
}
