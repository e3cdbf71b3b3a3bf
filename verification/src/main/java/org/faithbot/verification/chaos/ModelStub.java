package org.faithbot.verification.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stub of Amazon Bedrock's Converse API ({@code POST /model/{modelId}/converse}) on loopback, which
 * the harness controls: a service instance whose Bedrock endpoint points here gets a short reply at
 * once (healthy), after a delay (slow), or a 503 ServiceUnavailableException (down). Each answer
 * runs on its own virtual thread, so slow answers never hold up the others.
 */
public final class ModelStub implements AutoCloseable {

    public enum Mode { HEALTHY, SLOW, DOWN }

    static final String REPLY = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":"
            + "\"Take heart: you are not walking through this alone, and this verse is a promise you can lean on today.\"}]}},"
            + "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":120,\"outputTokens\":24,\"totalTokens\":144},"
            + "\"metrics\":{\"latencyMs\":%d}}";

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile Mode mode = Mode.HEALTHY;
    private volatile Duration delay = Duration.ZERO;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong slowCalls = new AtomicLong();
    private final AtomicLong refusedCalls = new AtomicLong();

    private ModelStub(HttpServer server) {
        this.server = server;
    }

    public static ModelStub start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
            ModelStub stub = new ModelStub(server);
            server.createContext("/", stub::answer);
            server.setExecutor(stub.executor);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the model stub", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public void healthy() {
        mode = Mode.HEALTHY;
        delay = Duration.ZERO;
    }

    /** Every answer from now on waits {@code answerDelay} first. */
    public void slow(Duration answerDelay) {
        delay = answerDelay;
        mode = Mode.SLOW;
    }

    /** Every call from now on is refused with 503. */
    public void down() {
        mode = Mode.DOWN;
    }

    public Mode mode() {
        return mode;
    }

    public long calls() {
        return calls.get();
    }

    public long slowCalls() {
        return slowCalls.get();
    }

    public long refusedCalls() {
        return refusedCalls.get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange; InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
            if (!"POST".equals(exchange.getRequestMethod()) || !exchange.getRequestURI().getPath().endsWith("/converse")) {
                send(exchange, 404, "{\"message\":\"the stub answers the Converse API only\"}", "ResourceNotFoundException");
                return;
            }
            calls.incrementAndGet();
            Mode now = mode;
            if (now == Mode.DOWN) {
                refusedCalls.incrementAndGet();
                send(exchange, 503, "{\"message\":\"Bedrock is unavailable (fault injected by the harness)\"}", "ServiceUnavailableException");
                return;
            }
            long waited = 0;
            if (now == Mode.SLOW) {
                slowCalls.incrementAndGet();
                waited = delay.toMillis();
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            send(exchange, 200, REPLY.formatted(waited), null);
        } catch (IOException clientGone) {
            // the caller gave up (its time limit): nothing to answer
        }
    }

    private static void send(HttpExchange exchange, int status, String json, String errorType) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private volatile boolean closed;

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
