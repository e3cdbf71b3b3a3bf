package org.faithbot.verification.target;

import java.nio.file.Path;

/**
 * Which target a run is against ({@code -Dtarget=local|staging}, local by default) and where the project is.
 * Pure reads of the run's settings; the target itself is started and held by the run (VerificationRun).
 */
public final class Targets {

    private Targets() {
    }

    public static String selectedName() {
        return System.getProperty("target", "local");
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }
}
