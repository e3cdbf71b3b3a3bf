package org.faithbot.verification.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The git commit a run was on: -Dverification.commit, else {@code git rev-parse HEAD} in the project root, else "unknown". */
public final class RunCommit {

    public static final String UNKNOWN = "unknown";

    private RunCommit() {
    }

    public static String of(Path projectRoot) {
        String given = System.getProperty("verification.commit");
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        try {
            Process git = new ProcessBuilder("git", "rev-parse", "HEAD").directory(projectRoot.toFile()).redirectErrorStream(true).start();
            git.getOutputStream().close();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!git.waitFor(10, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return UNKNOWN;
            }
            return git.exitValue() == 0 && out.matches("[0-9a-f]{7,64}") ? out : UNKNOWN;
        } catch (IOException e) {
            return UNKNOWN;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UNKNOWN;
        }
    }
}
