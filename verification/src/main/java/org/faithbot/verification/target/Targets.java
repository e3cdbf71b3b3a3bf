package org.faithbot.verification.target;

import org.faithbot.verification.local.LocalTarget;

import java.nio.file.Path;
import java.util.List;

/**
 * The target of this run, chosen by {@code -Dtarget=local|staging} (local is the default). The
 * local stack is started on first use and stopped when the JVM ends, however it ends short of
 * SIGKILL; after a SIGKILL the next run reaps the leftovers by their PID files.
 */
public final class Targets {

    private static Target current;
    private static RuntimeException startFailure;

    private Targets() {
    }

    /** The target; a target that failed to start is not started again by every scenario: its failure is repeated. */
    public static synchronized Target current() {
        if (startFailure != null) {
            throw new IllegalStateException("the " + selectedName() + " target could not be started", startFailure);
        }
        if (current == null) {
            try {
                current = create(selectedName());
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return current;
    }

    public static String selectedName() {
        return System.getProperty("target", "local");
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }

    private static Target create(String name) {
        return switch (name) {
            case "local" -> {
                LocalTarget local = LocalTarget.start(projectRoot(), List.of("s1", "s2"));
                Runtime.getRuntime().addShutdownHook(new Thread(local::stop, "local-target-teardown"));
                yield local;
            }
            case "staging" -> StagingTarget.fromConfiguration();
            default -> throw new IllegalArgumentException("unknown target '" + name + "': use local or staging");
        };
    }

    /** Stops the local stack now (the end of a run); the shutdown hook then has nothing left to do. */
    public static synchronized void stopLocal() {
        if (current instanceof LocalTarget local) {
            local.stop();
        }
        current = null;
    }
}
