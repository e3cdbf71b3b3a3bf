package org.faithbot.verification.deployment;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Counts the fewest servers in rotation while a deployment runs (read from the balancer every
 * 50 ms): set to take requests, and of those, the ones up by the health checks.
 */
final class RotationWatch {

    private final Balancer balancer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicInteger minimum = new AtomicInteger(Integer.MAX_VALUE);
    private final AtomicInteger minimumHealthy = new AtomicInteger(Integer.MAX_VALUE);
    private final Thread thread;

    RotationWatch(Balancer balancer) {
        this.balancer = balancer;
        sample();
        thread = Thread.ofPlatform().daemon(true).name("rotation-watch").start(() -> {
            while (running.get()) {
                sample();
                LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
            }
        });
    }

    private void sample() {
        try {
            Map<String, ServerState> servers = balancer.servers();
            minimum.accumulateAndGet((int) servers.values().stream().filter(ServerState::active).count(), Math::min);
            minimumHealthy.accumulateAndGet((int) servers.values().stream().filter(ServerState::inRotation).count(), Math::min);
        } catch (RuntimeException e) {
            // a reading that failed is no reading
        }
    }

    void stop() {
        running.set(false);
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }

    int minimum() {
        return minimum.get();
    }

    int minimumHealthy() {
        return minimumHealthy.get();
    }
}
