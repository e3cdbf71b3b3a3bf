package org.faithbot.verification.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * PID files of every process the local target starts, each with the PID of the harness JVM that
 * owns it. A run that was killed outright (so its shutdown hook never ran) leaves them behind; the
 * next run stops those processes first: only those whose owner is gone (runs side by side leave
 * each other alone) and only while the PID still belongs to a command line the harness started.
 */
public final class ProcessRegistry {

    private final Path directory;

    public ProcessRegistry(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final long OWNER = ProcessHandle.current().pid();
    private static ProcessRegistry shared;

    /** Where the harness under {@code projectRoot} keeps its PID files. */
    public static ProcessRegistry under(Path projectRoot) {
        return new ProcessRegistry(projectRoot.resolve("verification/target/local-target-pids"));
    }

    /**
     * The registry of this run's project ({@code -Dproject.root}, as the target's): for the processes
     * the harness starts outside the local target (Gatling, stress-ng, node, terraform), reaped with
     * the target's by the next run's start when this one is killed.
     */
    public static synchronized ProcessRegistry shared() {
        if (shared == null) {
            shared = under(Path.of(System.getProperty("project.root", "..")).toAbsolutePath().normalize());
        }
        return shared;
    }

    /** A process registered by PID until {@link #close()} (once it has ended, or been stopped). */
    public final class Registration implements AutoCloseable {

        private final String name;

        private Registration(String name) {
            this.name = name;
        }

        @Override
        public void close() {
            unregister(name);
        }
    }

    /**
     * Registers a process started elsewhere, by its PID and a fragment of its command line (the
     * reaper stops a leftover only while its command line still holds the fragment).
     */
    public Registration track(String name, Process process, String commandFragment) {
        String unique = name + "-" + process.pid();
        register(unique, process.pid(), commandFragment);
        return new Registration(unique);
    }

    void register(String name, long pid, String commandFragment) {
        try {
            Files.writeString(pidFile(name), pid + "\n" + commandFragment + "\n" + OWNER + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void unregister(String name) {
        try {
            Files.deleteIfExists(pidFile(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the processes a previous, interrupted run left behind. Returns how many it stopped. */
    public int reapLeftovers() {
        int reaped = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".pid")).toList()) {
                List<String> lines = Files.readAllLines(file);
                if (lines.size() >= 3 && ProcessHandle.of(Long.parseLong(lines.get(2).trim())).map(ProcessHandle::isAlive).orElse(false)) {
                    continue; // its harness is still running
                }
                if (lines.size() >= 2 && stopIfOurs(Long.parseLong(lines.get(0).trim()), lines.get(1))) {
                    reaped++;
                }
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return reaped;
    }

    private static boolean stopIfOurs(long pid, String commandFragment) {
        Optional<ProcessHandle> handle = ProcessHandle.of(pid);
        if (handle.isEmpty() || !handle.get().isAlive()) {
            return false;
        }
        String commandLine = handle.get().info().commandLine().orElse("");
        if (!commandLine.contains(commandFragment)) {
            return false; // the PID was reused by something that is not ours
        }
        handle.get().descendants().forEach(ProcessHandle::destroyForcibly);
        handle.get().destroyForcibly();
        return true;
    }

    private Path pidFile(String name) {
        return directory.resolve(OWNER + "-" + name + ".pid");
    }
}
