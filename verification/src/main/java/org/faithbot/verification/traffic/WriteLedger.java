package org.faithbot.verification.traffic;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Every chat write the service acknowledged while traffic ran (a drill, a probe), and how many attempts it refused. Thread-safe. */
public final class WriteLedger {

    private final List<AcknowledgedWrite> acknowledged = new ArrayList<>();
    private final AtomicInteger refused = new AtomicInteger();

    public void acknowledged(AcknowledgedWrite write) {
        synchronized (acknowledged) {
            acknowledged.add(write);
        }
    }

    public void refused() {
        refused.incrementAndGet();
    }

    public List<AcknowledgedWrite> writes() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    /** The writes acknowledged strictly before the instant. */
    public List<AcknowledgedWrite> acknowledgedBefore(Instant instant) {
        return writes().stream().filter(w -> w.acknowledgedAt().isBefore(instant)).toList();
    }

    public List<AcknowledgedWrite> acknowledgedAfter(Instant instant) {
        return writes().stream().filter(w -> !w.acknowledgedAt().isBefore(instant)).toList();
    }

    public int refusedCount() {
        return refused.get();
    }
}
