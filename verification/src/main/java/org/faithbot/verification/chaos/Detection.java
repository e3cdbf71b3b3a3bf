package org.faithbot.verification.chaos;

/**
 * Watches the target's monitoring while an experiment runs and judges what it paged against the experiment's
 * {@link Alerting}: locally Prometheus and Alertmanager paging the harness ({@link LocalDetection}).
 */
public interface Detection extends AutoCloseable {

    /** The incident of an experiment whose fault was injected (called once the engine is done with it). */
    Incident judge(ExperimentResult result);

    @Override
    void close();
}
