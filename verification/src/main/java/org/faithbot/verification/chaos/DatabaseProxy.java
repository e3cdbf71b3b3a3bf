package org.faithbot.verification.chaos;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A proxy of the DynamoDB API on loopback, between the game day's own instance and the local
 * DynamoDB, which the harness controls: it passes every call through, or delays each one (database
 * latency), or answers every n-th one with DynamoDB's 500 InternalServerError (database errors).
 * Used for the database faults while the service has no Chaos Monkey to assault its repositories.
 * Bodies are passed unchanged (the SDK checks them against x-amz-crc32).
 */
public final class DatabaseProxy implements AutoCloseable {

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "host", "transfer-encoding", "keep-alive", "expect", "upgrade");
    private static final String ERROR = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#InternalServerError\",\"message\":\"Internal server error (fault injected by the harness)\"}";

    private final HttpServer server;
    private final URI database;
    // not a call of the service: the proxy's own client to the DynamoDB emulator, HTTP/1.1 as the
    // AWS SDK speaks it, kept apart from http/ServiceClient so injected database faults never queue
    // behind the service calls' connections
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile int latencyFrom;
    private volatile int latencyTo;
    private volatile int failEvery;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong delayed = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean closed;

    private DatabaseProxy(HttpServer server, URI database) {
        this.server = server;
        this.database = database;
    }

    public static DatabaseProxy start(URI database) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 500);
            DatabaseProxy proxy = new DatabaseProxy(server, database);
            server.createContext("/", proxy::forward);
            server.setExecutor(proxy.executor);
            server.start();
            return proxy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the database proxy", e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Every call from now on waits between {@code fromMillis} and {@code toMillis} first. */
    public void latency(int fromMillis, int toMillis) {
        latencyFrom = fromMillis;
        latencyTo = Math.max(fromMillis, toMillis);
    }

    /** Every {@code n}-th call from now on is answered 500 InternalServerError. */
    public void failEvery(int n) {
        failEvery = n;
    }

    public void passThrough() {
        latencyFrom = 0;
        latencyTo = 0;
        failEvery = 0;
    }

    public long calls() {
        return calls.get();
    }

    public long delayedCalls() {
        return delayed.get();
    }

    public long failedCalls() {
        return failed.get();
    }

    private void forward(HttpExchange exchange) throws IOException {
        try (exchange; InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readAllBytes();
            long call = calls.incrementAndGet();
            int every = failEvery;
            if (every > 0 && call % every == 0) {
                failed.incrementAndGet();
                send(exchange, 500, Map.of("Content-Type", List.of("application/x-amz-json-1.0")), ERROR.getBytes(StandardCharsets.UTF_8));
                return;
            }
            int to = latencyTo;
            if (to > 0) {
                delayed.incrementAndGet();
                Thread.sleep(ThreadLocalRandom.current().nextInt(latencyFrom, to + 1));
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(database.resolve(exchange.getRequestURI().getRawPath()))
                    .timeout(Duration.ofSeconds(30))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase())) {
                    values.forEach(v -> request.header(name, v));
                }
            });
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            send(exchange, response.statusCode(), response.headers().map(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the database (frozen, stopped) or the caller (timed out) is gone: the caller sees the connection fail
        } catch (IllegalArgumentException restricted) {
            // a header the JDK client refuses to set: nothing else to do with this call
        }
    }

    private static void send(HttpExchange exchange, int status, Map<String, List<String>> headers, byte[] body) throws IOException {
        headers.forEach((name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase()) && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
            }
        });
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            server.stop(0);
            executor.shutdownNow();
        }
    }
}
