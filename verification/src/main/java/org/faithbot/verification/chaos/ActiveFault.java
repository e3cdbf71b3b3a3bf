package org.faithbot.verification.chaos;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A fault in progress: watched by the engine, rolled back by it (always, also after an abort). */
public interface ActiveFault {

    /** What was done, in words (for the evidence). */
    String description();

    /** The stop condition (an alarm key) that is in ALARM now, if any: the engine then aborts and rolls back. */
    Optional<String> stopConditionHit();

    /** True when the fault ended by itself (an FIS experiment that completed). */
    default boolean finished() {
        return false;
    }

    /**
     * Why the fault did not take effect as declared (an FIS experiment that failed to resolve its
     * targets, for instance); empty when it did. A fault that was never injected proves nothing.
     */
    default Optional<String> notInjected() {
        return Optional.empty();
    }

    /** Undoes the fault, whatever state it is in; bounded in time; safe to call twice. */
    void rollback();

    /** What happened, in order (states of an FIS experiment, signals sent...). */
    List<String> events();

    /** Facts for the evidence: the FIS experiment id, the template id, the final state... */
    Map<String, String> facts();
}
