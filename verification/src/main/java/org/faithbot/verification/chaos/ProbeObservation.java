package org.faithbot.verification.chaos;

import org.faithbot.verification.load.BackgroundLoad;
import org.faithbot.verification.traffic.AcknowledgedWrite;
import org.faithbot.verification.target.Target;
import org.faithbot.verification.traffic.ProbeSample;
import org.faithbot.verification.traffic.TrafficProbe;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The steady state of one experiment, measured: a {@link TrafficProbe} of its own (fresh users, so its
 * ledger holds exactly the writes acknowledged during this experiment) beside the game day's Gatling
 * load, whose requests are read back for the same windows.
 */
public final class ProbeObservation implements Observation {

    public static final int CLIENTS = 5;
    public static final Duration PACE = Duration.ofMillis(250);

    private final Target target;
    private final TrafficProbe probe;
    private final BackgroundLoad load;
    private final Instant started;

    private ProbeObservation(Target target, TrafficProbe probe, BackgroundLoad load, Instant started) {
        this.target = target;
        this.probe = probe;
        this.load = load;
        this.started = started;
    }

    /** Starts the probe for at most {@code maxDuration} (it stops by itself then). */
    public static ProbeObservation start(Target target, BackgroundLoad load, Duration maxDuration) {
        Instant started = Instant.now();
        return new ProbeObservation(target, TrafficProbe.start(target.baseUrl(), target.tokens(), CLIENTS, PACE, maxDuration), load, started);
    }

    @Override
    public List<ProbeSample> probeSamples() {
        return probe.timeline().samples();
    }

    @Override
    public List<ProbeSample> loadSamples() {
        return load == null ? List.of() : load.samplesSince(started);
    }

    @Override
    public int acknowledgedWrites() {
        return probe.ledger().writes().size();
    }

    @Override
    public void stop() {
        probe.stop();
    }

    /** Reads every probe user's export through the balancer; a few attempts, as the service may be finishing its recovery. */
    @Override
    public List<AcknowledgedWrite> lostWrites() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 8; attempt++) {
            try {
                return probe.lostWrites(target.baseUrl());
            } catch (IllegalStateException e) {
                last = e;
                ChaosEngine.sleep(Duration.ofSeconds(1));
            }
        }
        throw new IllegalStateException("the probe users' exports could not be read after the experiment", last);
    }

    @Override
    public String describe() {
        return String.format("probe: %d users through the balancer, one chat message each every %d ms, every request sampled, every acknowledged write in a ledger%s",
                CLIENTS, PACE.toMillis(), load == null ? "; no background load" : "; beside the background load: " + load.conditions());
    }
}
