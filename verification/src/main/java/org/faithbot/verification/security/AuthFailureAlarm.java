package org.faithbot.verification.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The local stand-in for the Terraform's {@code auth-failures-spike} alarm: it reads the service's
 * {@code security.authentication.failures} counter every second and fires when more than the
 * Terraform's threshold of failures fell within its window (5 minutes). CloudWatch evaluates the
 * same rule over whole 5-minute periods, so in AWS the alarm comes up to a period later; the drill
 * measures the service's signal and the rule, not CloudWatch's delay.
 */
public final class AuthFailureAlarm implements AutoCloseable {

    public static final Duration WINDOW = Duration.ofMinutes(5);
    private static final String METRIC = "security_authentication_failures_total";

    private final URI prometheus;
    private final double threshold;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
    private final Deque<Sample> samples = new ArrayDeque<>();
    private volatile Instant firedAt;
    private volatile double lastCount;

    private record Sample(Instant at, double count) {
    }

    private AuthFailureAlarm(String instanceUrl, double threshold) {
        this.prometheus = URI.create(instanceUrl + "/actuator/prometheus");
        this.threshold = threshold;
    }

    /** Starts evaluating the rule against the instance at {@code instanceUrl}, every second. */
    public static AuthFailureAlarm watch(String instanceUrl, double threshold) {
        AuthFailureAlarm alarm = new AuthFailureAlarm(instanceUrl, threshold);
        alarm.evaluate();
        alarm.poller.scheduleAtFixedRate(alarm::evaluate, 1, 1, TimeUnit.SECONDS);
        return alarm;
    }

    private synchronized void evaluate() {
        Optional<Double> count = read();
        if (count.isEmpty()) {
            return;
        }
        Instant now = Instant.now();
        lastCount = count.get();
        samples.addLast(new Sample(now, count.get()));
        while (samples.size() > 1 && samples.getFirst().at().isBefore(now.minus(WINDOW))) {
            samples.removeFirst();
        }
        if (firedAt == null && count.get() - samples.getFirst().count() > threshold) {
            firedAt = now;
        }
    }

    private Optional<Double> read() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(prometheus).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(response.body().lines().filter(line -> line.startsWith(METRIC + "{") || line.startsWith(METRIC + " "))
                    .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum());
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Waits until the alarm fires or {@code timeout} passes; the moment it fired, if it did. */
    public Optional<Instant> awaitFiring(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (firedAt == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.ofNullable(firedAt);
    }

    public double threshold() {
        return threshold;
    }

    /** The counter's value at the last reading. */
    public double lastCount() {
        return lastCount;
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
