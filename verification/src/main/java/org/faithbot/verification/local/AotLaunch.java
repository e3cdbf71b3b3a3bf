package org.faithbot.verification.local;

import org.faithbot.verification.files.DirectoryTree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * How the local target launches a service jar: from Spring Boot's extracted layout (the jar's
 * {@code tools} jar mode) with a JDK AOT cache (JEP 483/514) trained once per build of the jar, so
 * that each of the dozens of instances a run starts (the target's, the deployment drills' releases,
 * the chaos and recovery drills' replacements) loads and links its classes from the cache instead
 * of doing it again on two shared cores. A start from the cache takes about half the time and CPU.
 *
 * <p>The cache sits beside the jar ({@code aot-cache/<size>-<modified>/}), so a rebuilt jar gets a
 * new one. Training is one start of the service that exits once its context is refreshed
 * ({@code spring.context.exit=onRefresh}), with the same JVM options the instances use. When
 * extraction or training fails the instances start from the plain jar, as before, and the reason
 * is printed; a cache the JVM finds stale is ignored by the JVM itself (AOT mode "auto").
 */
final class AotLaunch {

    private static final long TRAINING_TIMEOUT_SECONDS = 180;
    private static final Map<Path, List<String>> PREPARED = new ConcurrentHashMap<>();

    private AotLaunch() {
    }

    /**
     * The arguments that launch {@code jar} after the JVM options: {@code -XX:AOTCache=... -jar
     * <extracted jar>} once the cache is trained, {@code -jar <jar>} when it cannot be.
     * {@code trainingArguments} are the service's own arguments for the training start.
     */
    static List<String> arguments(Path jar, String java, List<String> jvmOptions, List<String> trainingArguments,
                                  ProcessRegistry registry) {
        return PREPARED.computeIfAbsent(jar.toAbsolutePath().normalize(),
                key -> prepare(key, java, jvmOptions, trainingArguments, registry));
    }

    private static List<String> prepare(Path jar, String java, List<String> jvmOptions, List<String> trainingArguments,
                                        ProcessRegistry registry) {
        List<String> plain = List.of("-jar", jar.toString());
        if (Boolean.getBoolean("faithbot.aot-cache.disabled")) {
            System.out.println("[local target] AOT cache disabled (-Dfaithbot.aot-cache.disabled): instances start from " + jar);
            return plain;
        }
        try {
            Path cache = jar.resolveSibling("aot-cache").resolve(Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis());
            Path extracted = cache.resolve("app").resolve(jar.getFileName());
            Path aot = cache.resolve("service.aot");
            if (!Files.isRegularFile(aot) || !Files.isRegularFile(extracted)) {
                long started = System.nanoTime();
                train(jar, cache, java, jvmOptions, trainingArguments, registry);
                System.out.printf("[local target] AOT cache of %s trained in %.1f s: %s%n", jar.getFileName(),
                        (System.nanoTime() - started) / 1e9, aot);
            }
            return List.of("-XX:AOTCache=" + aot, "-jar", extracted.toString());
        } catch (IOException | RuntimeException e) {
            System.out.println("[local target] no AOT cache for " + jar + " (" + e.getMessage() + "): instances start from the plain jar");
            return plain;
        }
    }

    private static void train(Path jar, Path cache, String java, List<String> jvmOptions, List<String> trainingArguments,
                              ProcessRegistry registry) throws IOException {
        Path work = Files.createTempDirectory(Files.createDirectories(cache.getParent()), "training-");
        try {
            run("extract", List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", work.resolve("app").toString()),
                    work, registry);
            List<String> command = new ArrayList<>(List.of(java));
            command.addAll(jvmOptions);
            command.addAll(List.of("-XX:AOTCacheOutput=" + work.resolve("service.aot"), "-Dspring.context.exit=onRefresh",
                    "-jar", work.resolve("app").resolve(jar.getFileName()).toString()));
            command.addAll(trainingArguments);
            run("train", command, work, registry);
            if (!Files.isRegularFile(work.resolve("service.aot"))) {
                throw new IllegalStateException("the training start wrote no cache: " + lastLine(work.resolve("train.log")));
            }
            DirectoryTree.delete(cache);
            Files.move(work, cache, StandardCopyOption.ATOMIC_MOVE);
            deleteOlderCaches(cache);
        } finally {
            DirectoryTree.delete(work);
        }
    }

    private static void run(String step, List<String> command, Path work, ProcessRegistry registry) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve(step + ".log").toFile()).start();
        try (ProcessRegistry.Registration ignored = registry.track("aot-" + step, process, work.toString())) {
            if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException(step + " did not end within " + TRAINING_TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(step + " exited with " + process.exitValue() + ": " + lastLine(work.resolve(step + ".log")));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException(step + " interrupted", e);
        }
    }

    /** The caches of earlier builds of the jar (about 150 MB each) go; trainings under way are left alone. */
    private static void deleteOlderCaches(Path current) throws IOException {
        try (Stream<Path> caches = Files.list(current.getParent())) {
            for (Path cache : caches.filter(c -> !c.equals(current) && !c.getFileName().toString().startsWith("training-")).toList()) {
                DirectoryTree.delete(cache);
            }
        }
    }

    private static String lastLine(Path log) throws IOException {
        List<String> lines = Files.readAllLines(log);
        return lines.isEmpty() ? "(no output)" : lines.getLast();
    }
}
