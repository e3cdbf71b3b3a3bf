package org.faithbot.verification.chaos;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every fault in progress, rolled back by a JVM shutdown hook if the run ends (or is interrupted)
 * while it is injected: no fault outlives the harness. (Processes the harness started are stopped by
 * their PID anyway; this undoes the faults on the others' state: frozen processes, drained servers,
 * CPU pinning, Chaos Monkey assaults.)
 */
final class FaultSafety {

    private static final Set<ActiveFault> ACTIVE = new LinkedHashSet<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(FaultSafety::rollBackAll, "chaos-fault-safety"));
    }

    private FaultSafety() {
    }

    static synchronized void injected(ActiveFault fault) {
        ACTIVE.add(fault);
    }

    static synchronized void rolledBack(ActiveFault fault) {
        ACTIVE.remove(fault);
    }

    static void rollBackAll() {
        List<ActiveFault> faults;
        synchronized (FaultSafety.class) {
            faults = new ArrayList<>(ACTIVE);
        }
        for (ActiveFault fault : faults) {
            try {
                fault.rollback();
            } catch (RuntimeException e) {
                System.err.println("[chaos] rollback of " + fault.description() + " failed: " + e.getMessage());
            }
        }
    }
}
