package org.faithbot.verification.deployment;

import java.util.Optional;

/** Where a deployment starts and stops instances of the service (locally: processes on loopback). */
public interface Fleet {

    /** Starts an instance of the release under this name; returns at once. */
    NewInstance launch(String name, Release release);

    /** Stops the instance by its PID and forgets it. */
    void retire(String name);

    /** The URL of a running instance, old or new, for its own metrics. */
    Optional<String> url(String name);

    boolean running(String name);
}
