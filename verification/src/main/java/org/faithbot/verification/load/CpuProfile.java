package org.faithbot.verification.load;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Where a JVM's CPU goes, from Java Flight Recorder's execution samples: a recording is started in the running JVM with
 * {@code jcmd PID JFR.start} (the {@code profile} settings: a sample of every running thread every 10 ms), after a delay
 * and for a duration, and read back with the JDK's {@link RecordingFile}: the methods most often on top of the stack,
 * and the samples by area (the first frame that is not the JDK's own says whose code the CPU was spent for).
 */
public final class CpuProfile {

    /** Areas by package prefix, in the order they are tried on a stack from its top. */
    private static final Map<String, String> AREAS = new LinkedHashMap<>();

    static {
        AREAS.put("org.faithbot.", "the service's own code");
        AREAS.put("software.amazon.awssdk.", "AWS SDK (DynamoDB client)");
        AREAS.put("org.apache.hc.", "HTTP client of the AWS SDK");
        AREAS.put("org.apache.http.", "HTTP client of the AWS SDK");
        AREAS.put("com.fasterxml.jackson.", "JSON (Jackson)");
        AREAS.put("tools.jackson.", "JSON (Jackson)");
        AREAS.put("com.nimbusds.", "token verification (Nimbus JOSE)");
        AREAS.put("org.springframework.security.", "Spring Security");
        AREAS.put("org.springframework.", "Spring MVC and the rest of Spring");
        AREAS.put("io.micrometer.", "metrics (Micrometer)");
        AREAS.put("io.github.resilience4j.", "resilience (Resilience4j)");
        AREAS.put("com.github.benmanes.caffeine.", "caches (Caffeine)");
        AREAS.put("ch.qos.logback.", "logging (Logback)");
        AREAS.put("org.apache.catalina.", "Tomcat");
        AREAS.put("org.apache.coyote.", "Tomcat");
        AREAS.put("org.apache.tomcat.", "Tomcat");
    }

    private final Path file;
    private final Duration delay;
    private final Duration duration;

    private CpuProfile(Path file, Duration delay, Duration duration) {
        this.file = file;
        this.delay = delay;
        this.duration = duration;
    }

    /** Starts a recording in the JVM {@code pid}, beginning after {@code delay} and lasting {@code duration}, written to {@code file}. */
    public static CpuProfile start(long pid, Duration delay, Duration duration, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(file);
            Process jcmd = new ProcessBuilder(jcmd(), Long.toString(pid), "JFR.start", "name=cpu-profile", "settings=profile",
                    "delay=" + delay.toSeconds() + "s", "duration=" + duration.toSeconds() + "s", "filename=" + file.toAbsolutePath())
                    .redirectErrorStream(true).start();
            String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!jcmd.waitFor(30, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + pid + " JFR.start failed: " + output);
            }
            return new CpuProfile(file, delay, duration);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JFR recording in " + pid, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted starting a JFR recording", e);
        }
    }

    private static String jcmd() {
        Path inJavaHome = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        return Files.isExecutable(inJavaHome) ? inJavaHome.toString() : "jcmd";
    }

    public Path file() {
        return file;
    }

    /** The profile in words: the samples by area and the {@code top} methods most often on top of the stack. */
    public String summary(int top) {
        awaitFile(Duration.ofSeconds(30));
        Map<String, Long> byMethod = new LinkedHashMap<>();
        Map<String, Long> byArea = new LinkedHashMap<>();
        long samples = 0;
        try {
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                RecordedStackTrace stack = event.getStackTrace();
                List<RecordedFrame> frames = stack.getFrames();
                if (!frames.isEmpty()) {
                    byMethod.merge(name(frames.getFirst()), 1L, Long::sum);
                }
                byArea.merge(area(frames), 1L, Long::sum);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the recording " + file, e);
        }
        long total = Math.max(1, samples);
        StringBuilder out = new StringBuilder(String.format("%d execution samples (JFR, profile settings) over %d s after %d s; %s%n",
                samples, duration.toSeconds(), delay.toSeconds(), file));
        out.append("by area (the first frame on the stack that is not the JDK's own):\n");
        byArea.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> out.append(String.format("  %5.1f %%  %s%n", 100.0 * e.getValue() / total, e.getKey())));
        out.append("methods most often on top of the stack:\n");
        out.append(byMethod.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .map(e -> String.format("  %5.1f %%  %s", 100.0 * e.getValue() / total, e.getKey())).collect(Collectors.joining("\n")));
        return out.append('\n').toString();
    }

    static String area(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, String> area : AREAS.entrySet()) {
                if (type.startsWith(area.getKey())) {
                    return area.getValue();
                }
            }
        }
        return "the JDK alone (GC, JIT, I/O, threads)";
    }

    private static String name(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private void awaitFile(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!Files.exists(file) || Files.size(file) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the JFR recording " + file + " was not written within " + timeout);
                }
                TimeUnit.MILLISECONDS.sleep(500);
            }
            TimeUnit.SECONDS.sleep(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted waiting for " + file, e);
        }
    }
}
