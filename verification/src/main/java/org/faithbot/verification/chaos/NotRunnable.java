package org.faithbot.verification.chaos;

/** The experiment cannot run on this target (yet): reported as not run, never as passed. */
public class NotRunnable extends RuntimeException {

    public NotRunnable(String reason) {
        super(reason);
    }
}
