package org.faithbot.verification.target;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Optional;

/**
 * Which target a run is against ({@code -Dtarget=local|staging|production}, local by default) and where the project is.
 * Pure reads of the run's settings; the target itself is started and held by the run (VerificationRun).
 */
public final class Targets {

    private Targets() {
    }

    public static String selectedName() {
        return System.getProperty("target", "local");
    }

    /** Whether the selected target is the local stack (self-tests run only there). */
    public static boolean localSelected() {
        return "local".equals(selectedName());
    }

    /**
     * Why a scenario carrying these tags must not run on that target, if it must not: production is read-only, so a
     * scenario that changes its target ({@code @destructive}: deployments, faults, restores, loads) is refused there
     * whatever tag filter selected it.
     */
    public static Optional<String> refusal(String target, Collection<String> tags) {
        if ("production".equals(target) && tags.contains("@destructive")) {
            return Optional.of("a @destructive scenario (it changes its target) never runs against production: the production target is read-only");
        }
        return Optional.empty();
    }

    public static Path projectRoot() {
        return Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize();
    }
}
