package org.faithbot.verification.local;

import java.util.ArrayList;
import java.util.List;

/**
 * Processes frozen with SIGSTOP (by PID), as a long GC pause or a starved CPU would stall them, and
 * always resumed with SIGCONT on {@link #close()}: every one of them, even when resuming one fails,
 * and only once. Thread-safe.
 */
public final class ProcessFreeze implements AutoCloseable {

    private final List<ManagedProcess> frozen = new ArrayList<>();

    /** Freezes the process now (SIGSTOP); it is resumed at {@link #close()}. */
    public synchronized void freeze(ManagedProcess process) {
        frozen.add(process); // recorded first: a SIGSTOP that reached it before failing is still undone
        process.signal("STOP");
    }

    public synchronized List<ManagedProcess> frozen() {
        return List.copyOf(frozen);
    }

    /** Resumes every frozen process (SIGCONT); a failure to resume one is thrown after all the others are resumed. */
    @Override
    public synchronized void close() {
        RuntimeException first = null;
        for (ManagedProcess process : frozen) {
            try {
                process.signal("CONT");
            } catch (RuntimeException e) {
                first = first == null ? e : first;
            }
        }
        frozen.clear();
        if (first != null) {
            throw first;
        }
    }
}
