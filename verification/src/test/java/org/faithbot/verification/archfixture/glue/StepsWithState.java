package org.faithbot.verification.archfixture.glue;

import io.cucumber.java.en.Given;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Planted for ArchitectureTest (never on Cucumber's glue path): a step definition with static state and a pool of its own. */
public class StepsWithState {

    private static final String GREETING = "a constant is allowed";
    private static int scenariosSeen;

    @Given("a planted step")
    public void aPlantedStep() throws Exception {
        scenariosSeen++;
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            pool.submit(() -> GREETING).get();
        }
    }
}
