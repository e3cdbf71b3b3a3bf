package org.faithbot.verification.selftest;

import io.cucumber.core.cli.Main;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestStepFinished;
import org.faithbot.verification.target.Targets;

import java.util.ArrayList;
import java.util.List;

/** A Cucumber plugin for the self-tests: remembers which steps failed and why. */
public final class FailureCapture implements ConcurrentEventListener {

    public record FailedStep(String step, String error) {
    }

    private static final List<FailedStep> FAILED = new ArrayList<>();
    private static final List<Object> HANDED_OVER = new ArrayList<>();

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

    /** How a self-test feature ended: Cucumber's exit status, the steps that failed, and what its glue handed over. */
    public record Run(byte exit, List<FailedStep> failed, List<Object> handedOver) {

        /** The one thing of this type the self-test's glue handed over (the test looks for it in the failure), or null. */
        public <T> T handedOver(Class<T> type) {
            return handedOver.stream().filter(type::isInstance).map(type::cast).findFirst().orElse(null);
        }
    }

    /** For a self-test's glue: hands something it did (the write it lost, say) to the test that runs the feature. */
    public static void handOver(Object finding) {
        synchronized (HANDED_OVER) {
            HANDED_OVER.add(finding);
        }
    }

    /**
     * Runs one feature of {@code selftest/} with the harness's glue and this plugin (only its
     * {@code @selftest} scenarios, whatever tag filter the run's specs use), and returns how it ended.
     */
    public static Run run(String feature) {
        if (!Targets.localSelected()) {
            throw new IllegalStateException("refused: the self-test feature " + feature + " changes its target on purpose and runs against the local target only, not "
                    + Targets.selectedName());
        }
        takeAll();
        takeHandedOver();
        byte exit = Main.run(new String[]{
                "--glue", "org.faithbot.verification.steps",
                "--glue", "org.faithbot.verification.selftest",
                "--plugin", FailureCapture.class.getName(),
                "--monochrome",
                "--tags", "@selftest",
                "classpath:selftest/" + feature}, Thread.currentThread().getContextClassLoader());
        return new Run(exit, takeAll(), takeHandedOver());
    }

    private static List<Object> takeHandedOver() {
        synchronized (HANDED_OVER) {
            List<Object> all = List.copyOf(HANDED_OVER);
            HANDED_OVER.clear();
            return all;
        }
    }

    public static List<FailedStep> takeAll() {
        synchronized (FAILED) {
            List<FailedStep> all = List.copyOf(FAILED);
            FAILED.clear();
            return all;
        }
    }
}
