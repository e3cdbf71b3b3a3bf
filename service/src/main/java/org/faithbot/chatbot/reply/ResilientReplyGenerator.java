package org.faithbot.chatbot.reply;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps chat fast when the model is slow or down: each model call runs under a time limit
 * (resilience4j TimeLimiter) inside a circuit breaker (failures and timeouts open it, then calls are
 * not even tried for a while); whenever the model cannot answer in time, the local generator does
 * (source {@code fallback}). Counted in {@code reply.generation} (by outcome) and
 * {@code reply.fallback} (by reason).
 */
public class ResilientReplyGenerator implements ReplyGenerator {

    private static final Logger log = LoggerFactory.getLogger(ResilientReplyGenerator.class);

    private final ReplyGenerator model;

    private final ReplyGenerator fallback;

    private final CircuitBreaker circuitBreaker;

    private final TimeLimiter timeLimiter;

    private final ExecutorService executor;

    private final MeterRegistry registry;

    public ResilientReplyGenerator(ReplyGenerator model, ReplyGenerator fallback, CircuitBreaker circuitBreaker,
            TimeLimiter timeLimiter, ExecutorService executor, MeterRegistry registry) {
        this.model = model;
        this.fallback = fallback;
        this.circuitBreaker = circuitBreaker;
        this.timeLimiter = timeLimiter;
        this.executor = executor;
        this.registry = registry;
    }

    @Override
    public Reply generate(ReplyRequest request) {
        Timer.Sample sample = Timer.start(this.registry);
        try {
            Reply reply = this.circuitBreaker.executeCallable(() -> this.timeLimiter
                .executeFutureSupplier(() -> CompletableFuture.supplyAsync(() -> this.model.generate(request),
                        this.executor)));
            sample.stop(this.registry.timer("reply.generation", "generator", "bedrock", "outcome", "success"));
            return reply;
        }
        catch (Exception ex) {
            String reason = reason(ex);
            log.warn("Model reply unavailable ({}): the local generator answers", reason);
            this.registry.counter("reply.fallback", "reason", reason).increment();
            Reply reply = this.fallback.generate(request).withSource(Reply.FALLBACK);
            sample.stop(this.registry.timer("reply.generation", "generator", "bedrock", "outcome", "fallback"));
            return reply;
        }
    }

    public CircuitBreaker circuitBreaker() {
        return this.circuitBreaker;
    }

    static String reason(Throwable ex) {
        if (ex instanceof CallNotPermittedException) {
            return "circuit_open";
        }
        if (ex instanceof TimeoutException) {
            return "timeout";
        }
        if (ex instanceof ModelReplyRefused) {
            return "refused";
        }
        if (ex.getCause() != null && ex.getCause() != ex
                && (ex instanceof java.util.concurrent.ExecutionException || ex instanceof java.util.concurrent.CompletionException)) {
            return reason(ex.getCause());
        }
        return "error";
    }
}
