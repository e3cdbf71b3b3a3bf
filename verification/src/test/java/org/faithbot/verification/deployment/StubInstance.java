package org.faithbot.verification.deployment;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in for an instance of the service, on loopback: the probes, /actuator/info with its
 * release, and a chat endpoint that fails exactly the share of requests the release's fault switch says.
 */
final class StubInstance implements NewInstance {

    private final String name;
    private final Release release;
    private final HttpServer server;
    private final Instant launchedAt = Instant.now();
    private final double failureRatio;
    private final boolean readinessDown;
    private final AtomicLong chats = new AtomicLong();
    private volatile boolean alive = true;

    StubInstance(String name, Release release) {
        this.name = name;
        this.release = release;
        this.failureRatio = Double.parseDouble(release.properties().getOrDefault(Release.CHAT_FAILURE_RATIO, "0"));
        this.readinessDown = Boolean.parseBoolean(release.properties().getOrDefault(Release.READINESS_DOWN, "false"));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        exchange.getRequestBody().readAllBytes();
        int status = 200;
        String body = "{}";
        switch (path) {
            case "/actuator/health/readiness" -> status = readinessDown ? 503 : 200;
            case "/actuator/health/liveness" -> status = 200;
            case "/actuator/info" -> body = "{\"release\":{\"label\":\"" + release.label() + "\"}}";
            case "/api/v1/chat" -> {
                long n = chats.incrementAndGet();
                // exactly failureRatio of the requests: the n-th fails when floor(n x ratio) steps up
                if (Math.floor(n * failureRatio) > Math.floor((n - 1) * failureRatio)) {
                    status = 500;
                }
            }
            default -> status = 404;
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Served-By", name);
        exchange.getResponseHeaders().add("X-App-Version", "1.0.0+" + release.label());
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Release release() {
        return release;
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public Instant launchedAt() {
        return launchedAt;
    }

    @Override
    public boolean alive() {
        return alive;
    }

    @Override
    public int readinessStatus() {
        return alive ? (readinessDown ? 503 : 200) : -1;
    }

    @Override
    public int livenessStatus() {
        return alive ? 200 : -1;
    }

    @Override
    public String logTail(int lines) {
        return "(stub)";
    }

    void stop() {
        alive = false;
        server.stop(0);
    }
}
