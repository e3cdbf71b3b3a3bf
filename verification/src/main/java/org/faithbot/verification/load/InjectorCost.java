package org.faithbot.verification.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What the load generator itself costs the machine it runs on, read from /proc of the Gatling JVM's
 * PID: CPU (user + system time, as cores and as a share of the machine) over the plateau of the load,
 * and memory (resident set: at the end of the plateau, and the peak).
 *
 * @param cores         CPU time per wall-clock second over the window (1.0 = one core busy)
 * @param machineShare  {@code cores} divided by the machine's cores, in percent
 * @param rssMegabytes  resident memory at the end of the window
 * @param peakRssMegabytes the highest resident memory of the whole run (VmHWM)
 * @param compilerCores of {@code cores}, what a JVM's JIT compiler threads used (0 for other
 *                      processes): near 0 once the JVM is warm, a large share while it is not
 */
public record InjectorCost(double cores, double machineShare, int machineCores, double rssMegabytes, double peakRssMegabytes,
                           double windowSeconds, int samples, double compilerCores) {

    /** Linux's USER_HZ: /proc/PID/stat counts CPU time in 1/100 s on every common architecture. */
    private static final double TICKS_PER_SECOND = 100.0;

    public String describe() {
        return String.format("%.2f cores (%.0f %% of %d)%s, RSS %.0f MB (peak %.0f MB), over %.0f s", cores, machineShare, machineCores,
                compilerCores > 0 ? String.format(", of which JIT compilers %.2f", compilerCores) : "", rssMegabytes,
                peakRssMegabytes, windowSeconds);
    }

    /** Samples one PID once a second (from a daemon thread) until the process ends. */
    public static final class Sampler {
        private final long pid;
        private final List<Sample> samples = new ArrayList<>();
        private volatile double peakRssMegabytes;
        private final Thread thread;
        private final Map<String, Boolean> compilerThreads = new HashMap<>();

        public Sampler(long pid) {
            this.pid = pid;
            this.thread = Thread.ofPlatform().daemon().name("injector-sampler-" + pid).start(this::loop);
        }

        private void loop() {
            while (!Thread.currentThread().isInterrupted()) {
                Sample sample = read();
                if (sample == null) {
                    return; // the process ended
                }
                synchronized (samples) {
                    samples.add(sample);
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private Sample read() {
            try {
                long ticks = ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
                double rss = 0;
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        rss = kilobytes(line) / 1024.0;
                    } else if (line.startsWith("VmHWM:")) {
                        peakRssMegabytes = Math.max(peakRssMegabytes, kilobytes(line) / 1024.0);
                    }
                }
                return new Sample(System.nanoTime(), ticks, rss, compilerTicks());
            } catch (IOException | RuntimeException e) {
                return null;
            }
        }

        /** CPU ticks of the process's JIT compiler threads (HotSpot names them "C1/C2 CompilerThreadN"). */
        private long compilerTicks() {
            Path tasks = Path.of("/proc", Long.toString(pid), "task");
            long ticks = 0;
            try (Stream<Path> threads = Files.list(tasks)) {
                for (Path thread : threads.toList()) {
                    try {
                        boolean compiler = compilerThreads.computeIfAbsent(thread.getFileName().toString(), tid -> isCompiler(thread));
                        if (compiler) {
                            ticks += ticks(Files.readString(thread.resolve("stat")));
                        }
                    } catch (IOException | RuntimeException threadEnded) {
                        // the thread ended between the listing and the read: its time is no longer counted
                    }
                }
            } catch (IOException | UncheckedIOException e) {
                return 0;
            }
            return ticks;
        }

        private static boolean isCompiler(Path thread) {
            try {
                return Files.readString(thread.resolve("comm")).matches("(?s)C[12] CompilerThre.*");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private static long ticks(String stat) {
            // the command name (field 2) may hold spaces: count fields after its closing parenthesis
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14 and 15)
        }

        private static long kilobytes(String line) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }

        public void stop() {
            thread.interrupt();
        }

        /** The cost between two instants (System.nanoTime()), from the samples nearest inside them. */
        public InjectorCost between(long fromNanos, long toNanos) {
            List<Sample> window;
            synchronized (samples) {
                window = samples.stream().filter(s -> s.nanos >= fromNanos && s.nanos <= toNanos).toList();
            }
            int machineCores = Runtime.getRuntime().availableProcessors();
            if (window.size() < 2) {
                return new InjectorCost(Double.NaN, Double.NaN, machineCores, Double.NaN, peakRssMegabytes, 0, window.size(), Double.NaN);
            }
            Sample first = window.getFirst();
            Sample last = window.getLast();
            double seconds = (last.nanos - first.nanos) / 1e9;
            double cores = (last.ticks - first.ticks) / TICKS_PER_SECOND / seconds;
            double compilerCores = Math.max(0, last.compilerTicks - first.compilerTicks) / TICKS_PER_SECOND / seconds;
            return new InjectorCost(cores, 100.0 * cores / machineCores, machineCores, last.rssMegabytes,
                    Math.max(peakRssMegabytes, window.stream().mapToDouble(Sample::rssMegabytes).max().orElse(0)), seconds, window.size(),
                    compilerCores);
        }
    }

    private record Sample(long nanos, long ticks, double rssMegabytes, long compilerTicks) {
    }
}
