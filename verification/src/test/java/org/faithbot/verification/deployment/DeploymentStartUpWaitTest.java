package org.faithbot.verification.deployment;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The wait for releases started ahead: a drill begins once each instance has settled, or at the readiness timeout. */
class DeploymentStartUpWaitTest {

    private record Starting(String name, boolean alive, int readinessStatus, int livenessStatus, Optional<Instant> liveSince)
            implements NewInstance {

        @Override
        public Release release() {
            return Release.good("1.0.0");
        }

        @Override
        public int port() {
            return 1;
        }

        @Override
        public String url() {
            return "http://127.0.0.1:1";
        }

        @Override
        public Instant launchedAt() {
            return Instant.EPOCH;
        }

        @Override
        public String logTail(int lines) {
            return "";
        }
    }

    private static Duration waited(List<NewInstance> instances, Duration timeout, Duration liveButUnready) {
        long started = System.nanoTime();
        new StartUpWait(timeout, liveButUnready).await(instances);
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Test
    void readyOrExitedInstancesHaveSettled() {
        List<NewInstance> settled = List.of(new Starting("g1", true, 200, 200, Optional.empty()),
                new Starting("b1", false, -1, -1, Optional.empty()));
        assertThat(waited(settled, Duration.ofSeconds(30), Duration.ofSeconds(30))).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anInstanceLiveButNotReadyForLongerThanTheLimitHasSettled() {
        List<NewInstance> unready = List.of(new Starting("b1", true, 503, 200, Optional.of(Instant.now().minusSeconds(60))));
        assertThat(waited(unready, Duration.ofSeconds(30), Duration.ofSeconds(20))).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anInstanceStillStartingIsWaitedForUntilTheReadinessTimeout() {
        List<NewInstance> starting = List.of(new Starting("g1", true, -1, -1, Optional.empty()));
        assertThat(waited(starting, Duration.ofMillis(600), Duration.ofSeconds(20))).isBetween(Duration.ofMillis(600), Duration.ofSeconds(5));
    }

    @Test
    void anInstanceLiveSinceNowIsWaitedForWhileItMayStillBecomeReady() {
        List<NewInstance> live = List.of(new Starting("b1", true, 503, 200, Optional.empty()));
        assertThat(waited(live, Duration.ofSeconds(30), Duration.ofMillis(500))).isBetween(Duration.ofMillis(500), Duration.ofSeconds(5));
    }
}
