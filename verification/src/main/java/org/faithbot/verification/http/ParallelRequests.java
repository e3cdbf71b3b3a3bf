package org.faithbot.verification.http;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** A burst of requests sent by a fixed number of concurrent senders; the answers come back in the order they were asked for. */
public final class ParallelRequests {

    private ParallelRequests() {
    }

    /** Sends requests 0 to {@code count - 1} over {@code senders} threads and waits for every answer. */
    public static <T> List<T> send(int count, int senders, IntFunction<T> request) {
        try (ExecutorService pool = Executors.newFixedThreadPool(senders)) {
            List<Future<T>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(pool.submit(() -> request.apply(n)));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> answer : sent) {
                answers.add(answer.get());
            }
            return answers;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while sending " + count + " requests", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a request of the burst failed: " + e.getCause(), e.getCause());
        }
    }
}
