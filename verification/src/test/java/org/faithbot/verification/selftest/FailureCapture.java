package org.faithbot.verification.selftest;

import io.cucumber.core.cli.Main;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestStepFinished;

import java.util.ArrayList;
import java.util.List;

/** A Cucumber plugin for the self-tests: remembers which steps failed and why. */
public final class FailureCapture implements ConcurrentEventListener {

    public record FailedStep(String step, String error) {
    }

    private static final List<FailedStep> FAILED = new ArrayList<>();

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestStepFinished.class, event -> {
            if (event.getResult().getStatus() == Status.FAILED && event.getTestStep() instanceof PickleStepTestStep step) {
                synchronized (FAILED) {
                    FAILED.add(new FailedStep(step.getStep().getText(), String.valueOf(event.getResult().getError().getMessage())));
                }
            }
        });
    }

    /** How a self-test feature ended: Cucumber's exit status and the steps that failed. */
    public record Run(byte exit, List<FailedStep> failed) {
    }

    /**
     * Runs one feature of {@code selftest/} with the harness's glue and this plugin (only its
     * {@code @selftest} scenarios, whatever tag filter the run's specs use), and returns how it ended.
     */
    public static Run run(String feature) {
        takeAll();
        byte exit = Main.run(new String[]{
                "--glue", "org.faithbot.verification.steps",
                "--glue", "org.faithbot.verification.selftest",
                "--plugin", FailureCapture.class.getName(),
                "--monochrome",
                "--tags", "@selftest",
                "classpath:selftest/" + feature}, Thread.currentThread().getContextClassLoader());
        return new Run(exit, takeAll());
    }

    public static List<FailedStep> takeAll() {
        synchronized (FAILED) {
            List<FailedStep> all = List.copyOf(FAILED);
            FAILED.clear();
            return all;
        }
    }
}
