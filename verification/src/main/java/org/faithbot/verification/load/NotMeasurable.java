package org.faithbot.verification.load;

/**
 * A figure that cannot be measured on this target or against this service (yet): the step that asked for it is
 * reported as skipped, never as passed, with this message.
 */
public final class NotMeasurable extends RuntimeException {

    public NotMeasurable(String reason) {
        super(reason);
    }
}
