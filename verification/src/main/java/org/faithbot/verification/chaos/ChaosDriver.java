package org.faithbot.verification.chaos;

import java.time.Duration;
import java.util.Optional;

/**
 * Carries out an experiment's fault on one target: the local driver on the local stack, the FIS
 * driver in AWS. The engine ({@link ChaosEngine}) is the same for both: it checks the steady state,
 * asks the driver to inject, watches, has the driver roll back, and verifies the recovery.
 */
public interface ChaosDriver {

    /** The target this driver acts on (local, staging): the evidence names it. */
    String target();

    /**
     * Everything the fault needs, checked (and set up) before the steady state is measured: guard
     * rails, the configuration the targets must run. Throws {@link NotRunnable} when the experiment
     * cannot run here (reported as not run, never as passed) and {@link GuardrailViolation} when a
     * guard rail refuses it.
     */
    void prepare(Experiment experiment);

    /** How long the fault is held at most before the engine rolls it back. */
    Duration faultDuration(Experiment experiment);

    /** Injects the fault; the returned handle observes it and rolls it back. */
    ActiveFault inject(Experiment experiment, Observation observation);

    /**
     * What the target still lacks to count as recovered beyond what the probe sees (an instance not
     * yet back in rotation, a replacement still starting); empty once it lacks nothing.
     */
    Optional<String> recoveryPending(Experiment experiment);
}
