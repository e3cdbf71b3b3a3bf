package org.faithbot.verification.chaos;

import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.faithbot.verification.traffic.ProbeSample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The steady state as it is being measured: the probe's users (every request sampled, every
 * acknowledged write in a ledger) and the background load's requests. Started before the
 * baseline, stopped after the recovery.
 */
public interface Observation {

    /** The probe's requests so far, in start order. */
    List<ProbeSample> probeSamples();

    /** The background load's requests so far (empty when there is none). */
    List<ProbeSample> loadSamples();

    /** Both, in start order: what the steady-state figures are computed on. */
    default List<ProbeSample> allSamples() {
        List<ProbeSample> all = new ArrayList<>(probeSamples());
        all.addAll(loadSamples());
        all.sort(Comparator.comparing(ProbeSample::startedAt));
        return all;
    }

    /** Writes the service acknowledged to the probe's users. */
    int acknowledgedWrites();

    /** Stops the probe's users and waits for their last requests. */
    void stop();

    /** The acknowledged writes the service no longer holds (read after the recovery). */
    List<AcknowledgedWrite> lostWrites();

    /** What was measured, in words. */
    String describe();
}
