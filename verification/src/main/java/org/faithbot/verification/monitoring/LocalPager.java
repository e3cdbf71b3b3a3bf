package org.faithbot.verification.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * The on-call's pager on the local target: a webhook receiver on loopback that Alertmanager notifies, which
 * timestamps every alert of every notification as it arrives (firing or resolved).
 */
public final class LocalPager implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One alert of a notification, as the pager received it. */
    public record Page(Instant receivedAt, String status, String alertName, String alarm, String severity, String instance,
                       String runbook, Instant startsAt) {

        public boolean firing() {
            return "firing".equals(status);
        }
    }

    private final HttpServer server;
    private final List<Page> pages = new ArrayList<>();
    private final List<Consumer<Page>> listeners = new CopyOnWriteArrayList<>();

    private LocalPager(HttpServer server) {
        this.server = server;
    }

    /** Listens on a free loopback port. */
    public static LocalPager start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
            LocalPager pager = new LocalPager(server);
            server.createContext("/alerts", pager::receive);
            server.start();
            return pager;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the local pager", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/alerts";
    }

    private void receive(HttpExchange exchange) throws IOException {
        Instant received = Instant.now();
        try (exchange; InputStream body = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            JsonNode notification = JSON.readTree(body.readAllBytes());
            List<Page> received1 = new ArrayList<>();
            for (JsonNode alert : notification.path("alerts")) {
                JsonNode labels = alert.path("labels");
                received1.add(new Page(received, alert.path("status").asText(), labels.path("alertname").asText(), labels.path("alarm").asText(),
                        labels.path("severity").asText(), labels.path("instance").asText(), alert.path("annotations").path("runbook").asText(),
                        parse(alert.path("startsAt").asText())));
            }
            synchronized (pages) {
                pages.addAll(received1);
                pages.notifyAll();
            }
            exchange.sendResponseHeaders(200, -1);
            for (Page page : received1) {
                listeners.forEach(listener -> Thread.ofVirtual().name("pager-listener").start(() -> listener.accept(page)));
            }
        } catch (IOException | RuntimeException e) {
            exchange.sendResponseHeaders(400, -1);
        }
    }

    private static Instant parse(String time) {
        try {
            return Instant.parse(time);
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Calls {@code listener} with every alert of every notification received from now on (on its own thread); remove it with the returned handle. */
    public AutoCloseable onPage(Consumer<Page> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    public List<Page> pages() {
        synchronized (pages) {
            return List.copyOf(pages);
        }
    }

    /** The first page received after {@code since} that matches, waiting up to {@code timeout}; empty when none came. */
    public Optional<Page> await(Instant since, Predicate<Page> matching, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (pages) {
            while (true) {
                Optional<Page> found = pages.stream().filter(p -> !p.receivedAt().isBefore(since)).filter(matching).findFirst();
                long left = deadline - System.nanoTime();
                if (found.isPresent() || left <= 0) {
                    return found;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(pages, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
