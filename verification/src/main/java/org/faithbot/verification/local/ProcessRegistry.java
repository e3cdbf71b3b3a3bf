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
