package org.faithbot.verification.chaos;

import org.faithbot.verification.local.ProcessRegistry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * stress-ng workers, always bounded: {@code --timeout} ends them by themselves; {@link #close()} (and a
 * shutdown hook) stops them by PID sooner, and a run killed meanwhile leaves them registered by PID
 * for the next run to reap. Also pins processes to CPUs (taskset) and restores them.
 */
public final class StressNg implements AutoCloseable {

    private static final Pattern MASK = Pattern.compile("affinity mask: ([0-9a-fA-F]+)");

    private final Process process;
    private final List<String> command;
    private final Thread hook;
    private final ProcessRegistry.Registration registration;

    private StressNg(Process process, List<String> command) {
        this.process = process;
        this.command = command;
        this.registration = ProcessRegistry.shared().track("stress-ng", process, "stress-ng");
        this.hook = new Thread(this::kill, "stress-ng-teardown-" + process.pid());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public static boolean available() {
        try {
            Process version = new ProcessBuilder("stress-ng", "--version").redirectErrorStream(true).start();
            return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Starts stress-ng with {@code stressors} (e.g. --cpu 2), on {@code cpus} when given, for at most {@code timeout}. */
    public static StressNg start(List<String> stressors, String cpus, Duration timeout, Path log) {
        List<String> command = new ArrayList<>(List.of("stress-ng"));
        command.addAll(stressors);
        if (cpus != null) {
            command.addAll(List.of("--taskset", cpus));
        }
        command.addAll(List.of("--timeout", Math.max(1, timeout.toSeconds()) + "s", "--metrics-brief"));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (log != null) {
                log.toFile().getParentFile().mkdirs();
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            } else {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            return new StressNg(builder.start(), List.copyOf(command));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    public long pid() {
        return process.pid();
    }

    public String commandLine() {
        return String.join(" ", command);
    }

    private void kill() {
        if (process.isAlive()) {
            process.destroy(); // SIGTERM: stress-ng stops its workers
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        process.descendants().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public void close() {
        kill();
        if (!process.isAlive()) {
            registration.close();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs anyway
        }
    }

    /** The CPU affinity mask of a process (hex, as taskset prints it). */
    public static String affinity(long pid) {
        String out = run("taskset", "-p", Long.toString(pid));
        Matcher matcher = MASK.matcher(out);
        if (!matcher.find()) {
            throw new IllegalStateException("cannot read the CPU affinity of " + pid + ": " + out);
        }
        return matcher.group(1);
    }

    /** Pins every thread of the process to the CPU list (e.g. "1"). */
    public static void pin(long pid, String cpuList) {
        run("taskset", "-a", "-p", "-c", cpuList, Long.toString(pid));
    }

    /** Restores every thread of the process to the affinity mask (hex). */
    public static void restore(long pid, String mask) {
        run("taskset", "-a", "-p", mask, Long.toString(pid));
    }

    /** The last CPU of the machine ("1" on two cores). */
    public static String lastCpu() {
        return Integer.toString(Runtime.getRuntime().availableProcessors() - 1);
    }

    private static String run(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + out.trim());
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
