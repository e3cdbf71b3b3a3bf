package org.faithbot.verification.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import org.faithbot.verification.local.CpuGroups;
import org.faithbot.verification.local.CpuShares;
import org.faithbot.verification.local.ProcessRegistry;
import org.faithbot.verification.target.Target;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Runs a simulation in a Gatling JVM of its own, started and stopped by PID: the injector's CPU and
 * memory can then be read from /proc, and it cannot disturb the harness. Its HTML report lands in
 * {@code reports/gatling/<simulation>-<timestamp>/}, its console output in {@code reports/gatling/<plan>.log};
 * the figures are read from the report (see {@link GatlingStats}).
 */
public final class GatlingRunner {

    private static final Pattern REPORT = Pattern.compile("open the following file: (?:file://)?(\\S+)index\\.html", Pattern.CASE_INSENSITIVE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path resultsFolder;
    private final String classpath;

    public GatlingRunner(Path projectRoot) {
        this.resultsFolder = projectRoot.resolve("reports/gatling");
        this.classpath = System.getProperty("load.classpath", System.getProperty("java.class.path"));
    }

    public Path resultsFolder() {
        return resultsFolder;
    }

    /** Runs the plan against the target and waits for it (bounded by the plan's timeout). */
    public LoadRun run(LoadPlan plan, Target target) {
        return run(plan, target, () -> { }, Map.of());
    }

    /** Runs the plan; {@code onLoadStart} runs (on this thread) as soon as the simulation starts injecting. */
    public LoadRun run(LoadPlan plan, Target target, Runnable onLoadStart) {
        return run(plan, target, onLoadStart, Map.of());
    }

    /**
     * Runs the plan; {@code onLoadStart} runs (on this thread) as soon as the simulation starts
     * injecting; the CPU and memory of the {@code watched} processes (name to PID: the target's own,
     * when local) are sampled over the same plateau as the injector's, and so is the host's speed.
     */
    public LoadRun run(LoadPlan plan, Target target, Runnable onLoadStart, Map<String, Long> watched) {
        try {
            Files.createDirectories(resultsFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path log = resultsFolder.resolve(plan.name() + ".log");
        Path telemetry = resultsFolder.resolve(plan.name() + "-telemetry.json");
        List<String> command = command(plan, target, telemetry);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put(LoadSettings.SECRET_ENVIRONMENT, target.tokens().secretBase64());
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        Process process;
        try {
            Files.deleteIfExists(telemetry);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Gatling JVM: " + command, e);
        }
        ProcessRegistry.Registration registration = ProcessRegistry.shared().track("gatling-" + plan.name(), process, plan.simulation().getName());
        CpuGroups.shared().place("gatling-" + plan.name(), process.pid(), CpuShares.Role.LOAD_INJECTOR);
        Thread killOnExit = new Thread(() -> kill(process), "gatling-teardown-" + process.pid());
        Runtime.getRuntime().addShutdownHook(killOnExit);
        System.out.printf("[load] %s: Gatling JVM %d started (%s)%n", plan.name(), process.pid(), plan.conditions());
        InjectorCost.Sampler sampler = new InjectorCost.Sampler(process.pid());
        HostSpeed.Probe hostProbe = new HostSpeed.Probe();
        Map<String, InjectorCost.Sampler> watchers = new java.util.LinkedHashMap<>();
        watched.forEach((name, pid) -> watchers.put(name, new InjectorCost.Sampler(pid)));
        int exit;
        long loadStart;
        try {
            loadStart = awaitLoadStart(process, log, startNanos);
            onLoadStart.run();
            if (!process.waitFor(plan.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new IllegalStateException("the Gatling run " + plan.name() + " did not end within " + plan.timeout()
                        + " and was killed (PID " + process.pid() + "); log: " + log);
            }
            exit = process.exitValue();
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while Gatling ran", e);
        } catch (RuntimeException e) {
            kill(process); // whatever went wrong on this side (a fault that could not be injected), the load stops with it
            throw e;
        } finally {
            sampler.stop();
            hostProbe.stop();
            watchers.values().forEach(InjectorCost.Sampler::stop);
            if (!process.isAlive()) {
                registration.close(); // a JVM still alive (killed, not yet gone) stays registered for the next run to reap
            }
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting; the hook kills it
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - startNanos);
        long from = loadStart + plan.steadyFrom().toNanos();
        long to = loadStart + plan.steadyTo().toNanos();
        InjectorCost cost = sampler.between(from, to);
        Map<String, InjectorCost> targetCosts = new java.util.LinkedHashMap<>();
        watchers.forEach((name, watcher) -> targetCosts.put(name, watcher.between(from, to)));
        HostSpeed hostSpeed = hostProbe.between(from, to);
        Path report = reportDirectory(log);
        if (report == null) {
            throw new IllegalStateException("Gatling wrote no report for " + plan.name() + " (exit " + exit + "):\n" + tail(log, 30));
        }
        GatlingStats stats = GatlingStats.read(report);
        System.out.printf("[load] %s: exit %d after %.0f s; %s; %s; report %s%n", plan.name(), exit, wall.toMillis() / 1000.0,
                stats.summary(), hostSpeed.describe(), resultsFolder.getParent().getParent().relativize(report.resolve("index.html")));
        return new LoadRun(plan, exit, report, log, stats, cost, targetCosts, hostSpeed, readTelemetry(telemetry), started, wall);
    }

    private List<String> command(LoadPlan plan, Target target, Path telemetry) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-Xms256m", "-Xmx" + plan.maxHeap(), "-XX:+UseParallelGC",
                "--add-opens=java.base/java.lang=ALL-UNNAMED",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-Dload.base-url=" + target.baseUrl(),
                "-Dload.page-url=" + target.pageUrl(),
                "-Dload.jwt-issuer=" + target.tokens().issuer(),
                "-Dload.telemetry-file=" + telemetry));
        for (Map.Entry<String, String> property : plan.properties().entrySet()) {
            command.add("-D" + property.getKey() + "=" + property.getValue());
        }
        command.addAll(List.of("-cp", classpath, "io.gatling.app.Gatling",
                "--simulation", plan.simulation().getName(),
                "--results-folder", resultsFolder.toString(),
                "--run-description", plan.conditions() + " against " + target.name(),
                "--launcher", "faithbot-harness"));
        return command;
    }

    /** When the simulation starts injecting (Gatling says so on its console), as System.nanoTime(). */
    private static long awaitLoadStart(Process process, Path log, long fallback) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && process.isAlive()) {
            try {
                if (Files.readString(log).contains(" started...")) {
                    return System.nanoTime();
                }
            } catch (IOException | UncheckedIOException notYet) {
                // not written yet
            }
            Thread.sleep(100);
        }
        return fallback;
    }

    private Path reportDirectory(Path log) {
        try {
            Matcher matcher = REPORT.matcher(Files.readString(log));
            Path found = null;
            while (matcher.find()) {
                found = Path.of(matcher.group(1));
            }
            if (found != null && Files.isDirectory(found)) {
                return found;
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return null;
    }

    private static JsonNode readTelemetry(Path file) {
        try {
            return Files.isRegularFile(file) ? JSON.readTree(file.toFile()) : NullNode.getInstance();
        } catch (IOException e) {
            return NullNode.getInstance();
        }
    }

    private static void kill(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static String tail(Path file, int lines) {
        try (Stream<String> all = Files.lines(file)) {
            List<String> list = all.toList();
            return String.join("\n", list.subList(Math.max(0, list.size() - lines), list.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
