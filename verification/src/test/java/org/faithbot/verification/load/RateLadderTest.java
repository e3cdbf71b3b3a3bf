package org.faithbot.verification.load;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rung of the ladder is judged on the requests sent during it, once all of them are answered. */
class RateLadderTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** Sends {@code count} requests spread over the first rung (the ladder started 5 s ago: the rung is over), answered after {@code latencyMs}; {@code failures} of them fail. */
    private static void rung(RateLadder ladder, long origin, int count, long latencyMs, int failures) {
        for (int i = 0; i < count; i++) {
            long sentAt = ladder.sent(origin + i * (1000 / count) * MS);
            ladder.answered(sentAt, sentAt + latencyMs * MS, i >= failures);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> firstLevel(Map<String, Object> results) {
        return ((List<Map<String, Object>>) results.get("levels")).getFirst();
    }

    @Test
    void aRungAnsweredInTimeWithoutErrorsIsSustained() {
        RateLadder ladder = new RateLadder(List.of(10.0), Duration.ofSeconds(1), Duration.ZERO, 3000, 0.1, true);
        rung(ladder, System.nanoTime() - 5000 * MS, 10, 200, 0);
        Map<String, Object> results = ladder.results();
        assertThat(firstLevel(results)).containsEntry("verdict", "passed").containsEntry("requests", 10L).containsEntry("ko", 0L);
        assertThat(results.get("highestSustainedRate")).isEqualTo(10.0);
    }

    @Test
    void oneFailedAnswerInAThousandIsAlreadyOverTheBudget() {
        RateLadder ladder = new RateLadder(List.of(10.0), Duration.ofSeconds(1), Duration.ZERO, 3000, 0.1, true);
        rung(ladder, System.nanoTime() - 5000 * MS, 10, 200, 1);
        Map<String, Object> results = ladder.results();
        assertThat(firstLevel(results)).containsEntry("verdict", "broken");
        assertThat((String) firstLevel(results).get("reason")).contains("errors 10.000 %");
        assertThat(results.get("highestSustainedRate")).isEqualTo(0.0);
    }

    @Test
    void slowAnswersBreakTheLatencySlo() {
        RateLadder ladder = new RateLadder(List.of(10.0), Duration.ofSeconds(1), Duration.ZERO, 3000, 0.1, true);
        rung(ladder, System.nanoTime() - 5000 * MS, 10, 3500, 0);
        assertThat((String) firstLevel(ladder.results()).get("reason")).contains("p95");
    }

    @Test
    void rungsTheLoadNeverReachedAreSaidSo() {
        RateLadder ladder = new RateLadder(List.of(10.0, 20.0), Duration.ofSeconds(1), Duration.ZERO, 3000, 0.1, true);
        rung(ladder, System.nanoTime() - 5000 * MS, 10, 100, 0);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> levels = (List<Map<String, Object>>) ladder.results().get("levels");
        assertThat(levels.get(1)).containsEntry("verdict", "not reached");
    }
}
