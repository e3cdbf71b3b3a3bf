package org.faithbot.verification.security;

import org.faithbot.verification.settings.Settings;

import java.security.SecureRandom;
import java.time.Duration;

/**
 * How much the fuzz spec sends, by the run's {@code verification.profile}: 100,000 requests in the main job
 * ({@code launch}), 10,000 in the tests ({@code test}); {@code verification.fuzz.requests} overrides it. The seed is
 * drawn for each run and printed; {@code verification.fuzz.seed} reproduces a run. The run is bounded in time, and
 * sent over a few kept-alive connections to each instance.
 */
public record FuzzBudget(long requests, long seed, Duration timeLimit, int connectionsPerInstance) {

    public static FuzzBudget current() {
        String profile = System.getProperty("verification.profile", "launch");
        long requests = Long.parseLong(Settings.setting("verification.fuzz.requests", "VERIFICATION_FUZZ_REQUESTS",
                "test".equals(profile) ? "10000" : "100000"));
        String seed = Settings.setting("verification.fuzz.seed", "VERIFICATION_FUZZ_SEED", null);
        return new FuzzBudget(requests, seed == null ? new SecureRandom().nextLong() : Long.parseLong(seed),
                Duration.ofSeconds(Math.max(60, requests / 300)), 4);
    }

    /** How to run these requests again. */
    public String reproduction() {
        return "-Dverification.fuzz.seed=" + seed + " -Dverification.fuzz.requests=" + requests;
    }
}
