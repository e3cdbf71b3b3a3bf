package org.faithbot.verification.deployment;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The wait for instances started ahead that may still be starting: a drill (and the baseline window before it)
 * begins once each has settled: ready, exited, or live without being ready for longer than
 * {@code liveButUnready}; at the latest after {@code readinessTimeout}. The controller's readiness gate judges them.
 */
final class StartUpWait {

    private static final Duration POLL = Duration.ofMillis(250);

    private final Duration readinessTimeout;
    private final Duration liveButUnready;

    StartUpWait(Duration readinessTimeout, Duration liveButUnready) {
        this.readinessTimeout = readinessTimeout;
        this.liveButUnready = liveButUnready;
    }

    StartUpWait(DeploymentSettings settings) {
        this(settings.readinessTimeout(), settings.liveButUnready());
    }

    /** Returns once every instance has settled, or when the readiness timeout is over. */
    void await(List<NewInstance> instances) {
        Instant deadline = Instant.now().plus(readinessTimeout);
        Map<String, Instant> liveSince = new HashMap<>();
        List<NewInstance> waiting = new ArrayList<>(instances);
        while (!waiting.isEmpty() && Instant.now().isBefore(deadline)) {
            waiting.removeIf(i -> {
                if (!i.alive() || i.readinessStatus() == 200) {
                    return true;
                }
                if (i.livenessStatus() == 200) {
                    Instant live = i.liveSince().orElseGet(() -> liveSince.computeIfAbsent(i.name(), n -> Instant.now()));
                    return Duration.between(live, Instant.now()).compareTo(liveButUnready) > 0;
                }
                return false;
            });
            pause(POLL);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
