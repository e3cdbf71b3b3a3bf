package org.faithbot.verification.http;

import org.faithbot.verification.auth.TestUser;
import org.faithbot.verification.auth.TokenIssuer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * Warm-up of a fresh service instance, straight to it (not through the balancer), so that what is
 * measured afterwards is a warmed-up service rather than its first requests' class loading and JIT:
 * turns of requests by one member, who is erased at the end. Either judged (every answer must be 200;
 * a release built to fail chats may answer them 500) or not (the answers do not matter).
 */
public final class WarmUp {

    /** What one turn sends. */
    public enum Turn {
        /** A chat message, the conversation list and an export. */
        CHAT,
        /** An export and /actuator/info: off the chat path, so the instance's chat metrics stay untouched. */
        OFF_CHAT
    }

    /**
     * An instance to warm.
     *
     * @param faultyChats whether it runs a release built to fail a share of its chat requests (500)
     * @param logTail     the end of its log, for the error of a judged warm-up; null when there is none
     */
    public record Instance(String name, String url, boolean faultyChats, Supplier<String> logTail) {

        public static Instance at(String url) {
            return new Instance(url, url, false, null);
        }
    }

    /** What a parallel warm-up did: the instances and their turns, how long it took, over how many workers. */
    public record Timing(List<String> warmed, Duration took, int workers) {

        public String describe() {
            return String.format(Locale.ROOT, "warmed %s in %.1f s, %d workers", warmed, took.toNanos() / 1e9, workers);
        }
    }

    private final Turn turn;
    private final boolean judged;
    private final Duration timeout;

    private WarmUp(Turn turn, boolean judged, Duration timeout) {
        this.turn = turn;
        this.judged = judged;
        this.timeout = timeout;
    }

    /** Chat turns whose every answer must be 200 (30 s per request). */
    public static WarmUp judgedChatTurns() {
        return new WarmUp(Turn.CHAT, true, Duration.ofSeconds(30));
    }

    /** Turns whose answers are not judged. */
    public static WarmUp unjudged(Turn turn, Duration timeout) {
        return new WarmUp(turn, false, timeout);
    }

    /** {@code turns} turns by the member of {@code token}, who is erased at the end. Safe to call from several threads. */
    public void run(Instance instance, String token, int turns) {
        for (int i = 0; i < turns; i++) {
            switch (turn) {
                case CHAT -> {
                    send(instance, "POST", ServiceClient.CHAT, token, "{\"message\":\"warm-up " + i + ": I need hope today\"}", instance.faultyChats());
                    send(instance, "GET", "/api/v1/conversations", token, null, false);
                    send(instance, "GET", ServiceClient.EXPORT, token, null, false);
                }
                case OFF_CHAT -> {
                    send(instance, "GET", ServiceClient.EXPORT, token, null, false);
                    send(instance, "GET", "/actuator/info", token, null, false);
                }
            }
        }
        send(instance, "DELETE", ServiceClient.ERASE, token, null, false);
    }

    /**
     * Warms the instances in parallel over {@code workers} workers: {@code turnsFor} turns each, in
     * batches of {@code batch} turns, a fresh member (from {@code tokens}) for every batch, so that
     * members' histories stay short. Fails with the first batch that failed.
     */
    public Timing warm(List<Instance> instances, ToIntFunction<Instance> turnsFor, int workers, int batch, TokenIssuer tokens) {
        long started = System.nanoTime();
        List<Callable<Void>> batches = new ArrayList<>();
        List<String> warmed = new ArrayList<>();
        for (Instance instance : instances) {
            int turns = turnsFor.applyAsInt(instance);
            warmed.add(instance.name() + " (" + turns + " turns)");
            for (int sent = 0; sent < turns; sent += batch) {
                batches.add(() -> {
                    run(instance, tokens.tokenFor(TestUser.fresh("Warmup")), batch);
                    return null;
                });
            }
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(workers)) {
            for (Future<Void> done : pool.invokeAll(batches)) {
                done.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while warming " + warmed, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("warming " + warmed + " failed: " + e.getCause().getMessage(), e.getCause());
        }
        return new Timing(warmed, Duration.ofNanos(System.nanoTime() - started), workers);
    }

    private void send(Instance instance, String method, String path, String token, String body, boolean serverErrorExpected) {
        ServiceClient.Reply reply = ServiceClient.send(method, instance.url() + path, token, body, null, timeout);
        if (!judged) {
            return;
        }
        if (!reply.answered()) {
            throw new IllegalStateException("warm-up request to " + instance.name() + " failed: " + reply.failure());
        }
        if (reply.status() != 200 && !(serverErrorExpected && reply.status() == 500)) {
            throw new IllegalStateException("warm-up request to " + instance.name() + " answered " + reply.status() + ":\n"
                    + (instance.logTail() == null ? "" : instance.logTail().get()));
        }
    }
}
