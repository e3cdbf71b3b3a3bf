package org.faithbot.verification.wait;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * Waiting for a condition by polling it, on Awaitility, in one place for the local target's processes and the
 * monitoring specs: the condition is tried at once and then every {@code every}, until it holds or {@code timeout}
 * has passed. A condition that throws is an error, not a "not yet": callers catch what means "not yet" themselves.
 */
public final class Polling {

    private Polling() {
    }

    /** Whether {@code condition} held within {@code timeout}, polled every {@code every}. */
    public static boolean until(Duration timeout, Duration every, Callable<Boolean> condition) {
        try {
            Awaitility.await().pollDelay(Duration.ZERO).pollInterval(every).atMost(timeout).pollInSameThread()
                    .until(condition);
            return true;
        } catch (ConditionTimeoutException timedOut) {
            return false;
        }
    }

    /**
     * The same, but gives up early when {@code hopeless} holds (a process it waits for has exited, say): false then,
     * as on a timeout.
     */
    public static boolean until(Duration timeout, Duration every, Callable<Boolean> condition, Callable<Boolean> hopeless) {
        try {
            Awaitility.await().pollDelay(Duration.ZERO).pollInterval(every).atMost(timeout).pollInSameThread()
                    .failFast(hopeless).until(condition);
            return true;
        } catch (ConditionTimeoutException | TerminalFailureException givenUp) {
            return false;
        }
    }
}
