package org.faithbot.verification.security;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends a fuzzer's requests to service instances on a few kept-alive connections each, until the budget's count is
 * sent or its time is up, and tallies the answers. Loopback only ({@link RawHttpClient}).
 */
public final class FuzzRun {

    /** What a run did: its tally, how long it took, and the conditions in words. */
    public record Outcome(FuzzTally tally, Duration took, String conditions) {
        public double requestsPerSecond() {
            return tally.sent() / Math.max(0.001, took.toMillis() / 1000.0);
        }
    }

    private FuzzRun() {
    }

    public static Outcome run(List<String> instanceUrls, RequestFuzzer fuzzer, FuzzBudget budget) {
        FuzzTally tally = new FuzzTally();
        AtomicLong next = new AtomicLong();
        long started = System.nanoTime();
        long deadline = started + budget.timeLimit().toNanos();
        List<Thread> workers = new ArrayList<>();
        for (String url : instanceUrls) {
            RawHttpClient client = new RawHttpClient(url);
            for (int c = 0; c < budget.connectionsPerInstance(); c++) {
                workers.add(Thread.ofPlatform().name("fuzz-" + url + "-" + c).start(() -> {
                    try (RawHttpClient.Connection connection = client.connect()) {
                        long index;
                        while ((index = next.getAndIncrement()) < budget.requests() && System.nanoTime() < deadline) {
                            HostileRequest request = fuzzer.request(index);
                            try {
                                tally.answered(request, connection.send(request.head(), request.rawHeaderBytes(), request.body()));
                            } catch (IOException | RuntimeException e) {
                                tally.unanswered(request, e);
                                connection.close();
                            }
                        }
                    }
                }));
            }
        }
        for (Thread worker : workers) {
            try {
                worker.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while fuzzing", e);
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        return new Outcome(tally, took, tally.sent() + " fuzzed requests (budget " + budget.requests() + ", time limit "
                + budget.timeLimit().toSeconds() + " s) in " + took.toMillis() / 1000.0 + " s to " + instanceUrls.size() + " instances "
                + instanceUrls + ", " + budget.connectionsPerInstance() + " kept-alive connections each; seed " + budget.seed()
                + " (reproduce: " + budget.reproduction() + "); marker " + fuzzer.marker());
    }
}
