package org.faithbot.verification.security;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * OWASP A04 (insecure design): one member's flood, as fast as a few kept-alive connections carry it, to an
 * authenticated endpoint that touches no data store (the daily verse), so the per-member rate limit is what stops it
 * and not the store's speed. Tallies the answers by status, and the refusals (429) that lack what the design
 * promises: a problem body, a {@code Retry-After} and the {@code RateLimit-*} headers.
 */
public record RateLimitFlood(int sent, Map<Integer, Integer> byStatus, List<String> refusalsLacking, int limitPerMinute, Duration took) {

    public static final String PATH = "/api/v1/verses/daily";

    public int refused() {
        return byStatus.getOrDefault(429, 0);
    }

    public int answered(int status) {
        return byStatus.getOrDefault(status, 0);
    }

    public int other() {
        return sent - refused() - answered(200);
    }

    /**
     * The most the design lets one member through in this flood: on each instance a burst of a minute's worth, then the
     * refill over the flood's duration, plus one second's refill for the clocks' slack.
     */
    public double allowedThrough(int instances) {
        return instances * (limitPerMinute + limitPerMinute / 60.0 * (took.toMillis() / 1000.0 + 1));
    }

    public String describe() {
        return sent + " requests of one member to GET " + PATH + " in " + took.toMillis() / 1000.0 + " s; answers by status " + byStatus
                + " (0: unanswered); the limit the answers state: " + limitPerMinute + " a minute per member on each instance";
    }

    public static RateLimitFlood send(String baseUrl, String token, int requests, int connections) {
        Map<Integer, Integer> byStatus = new ConcurrentHashMap<>();
        List<String> lacking = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger limit = new AtomicInteger(-1);
        RawHttpClient client = new RawHttpClient(baseUrl);
        String head = "GET " + PATH + " HTTP/1.1\r\nAuthorization: Bearer " + token + "\r\nAccept: application/json";
        long started = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(Thread.ofPlatform().name("flood-" + c).start(() -> {
                try (RawHttpClient.Connection connection = client.connect()) {
                    while (next.getAndIncrement() < requests) {
                        try {
                            RawHttpClient.Answer answer = connection.send(head, null, null);
                            byStatus.merge(answer.status(), 1, Integer::sum);
                            String limitHeader = answer.header("RateLimit-Limit");
                            if (limitHeader != null && limitHeader.strip().matches("\\d{1,9}")) {
                                limit.accumulateAndGet(Integer.parseInt(limitHeader.strip()), Math::max);
                            }
                            if (answer.status() == 429) {
                                String lacks = lacks(answer);
                                if (!lacks.isEmpty()) {
                                    lacking.add(lacks);
                                }
                            }
                        } catch (IOException | RuntimeException e) {
                            byStatus.merge(0, 1, Integer::sum);
                            connection.close();
                        }
                    }
                }
            }));
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted during the flood", e);
            }
        }
        return new RateLimitFlood(requests, new TreeMap<>(byStatus), List.copyOf(lacking), limit.get(), Duration.ofNanos(System.nanoTime() - started));
    }

    /** What a 429 lacks of the design's promise, in words (empty: nothing). */
    static String lacks(RawHttpClient.Answer answer) {
        List<String> lacks = new ArrayList<>();
        String type = answer.header("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/problem+json") || !answer.body().contains("\"detail\"")) {
            lacks.add("a problem with its reason");
        }
        String retryAfter = answer.header("Retry-After");
        if (retryAfter == null || !retryAfter.strip().matches("\\d+") || Integer.parseInt(retryAfter.strip()) < 1) {
            lacks.add("a Retry-After of whole seconds");
        }
        if (answer.header("RateLimit-Limit") == null || !"0".equals(answer.header("RateLimit-Remaining"))) {
            lacks.add("RateLimit-Limit and RateLimit-Remaining: 0");
        }
        return String.join(", ", lacks);
    }
}
