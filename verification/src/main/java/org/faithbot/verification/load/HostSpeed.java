package org.faithbot.verification.load;

import org.HdrHistogram.Histogram;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * How fast the host ran this machine while a load ran, from two fixed pieces of work timed in CPU time
 * on a thread of the harness JVM, twice a second over the load:
 * <ul>
 *   <li>compute: SHA-256 of 1 MiB (registers and the first-level cache: the processor's own speed);</li>
 *   <li>memory: a walk of {@value #HOPS} dependent steps through a random cycle over 16 MiB, beyond the
 *   caches a virtual machine can count on, so each step waits for memory and its address translation.</li>
 * </ul>
 *
 * <p>Work of a fixed size costs fixed cycles, so its thread CPU time does not move with how busy the
 * machine's own cores are (time spent waiting for a core is not counted: the compute unit measured
 * 796 us alone and 751 us beside four busy loops on two cores). It grows when the host gives the VM
 * less: this machine kind does not account steal time ({@code /proc/stat} shows 0), so time the
 * hypervisor takes is charged to the running thread; and contended caches or memory make the same steps
 * wait longer. The second matters most here: on a day this machine kind ran the service about 3x
 * slower, the compute unit and a Python loop ran at their usual speed while the JIT compiler and the
 * service, which chase pointers, did not; the memory walk then took 226 ns a step on an idle machine.
 * Figures measured on hosts of different speeds are not comparable with each other; AC-3.6 therefore measures the
 * previous release beside this one on the same host ({@link ReleaseComparison}).
 *
 * @param computeMicros CPU time of one compute unit, median of the samples in the window
 * @param memoryNanos   CPU time of one step of the memory walk, median of the samples in the window
 * @param samples       how many samples were taken in the window (0: not measured)
 */
public record HostSpeed(double computeMicros, double memoryNanos, int samples) {

    public static final String WORKLOAD = "SHA-256 of 1 MiB (compute); a random walk over 16 MiB (memory); CPU time on one harness thread";

    static final int HOPS = 20_000;
    private static final byte[] COMPUTE_UNIT = new byte[1 << 20];
    private static final int[] WALK = randomCycle((16 << 20) / Integer.BYTES, 42);
    private static final int WARM_UP_UNITS = 300;
    private static final long SAMPLE_EVERY_MILLIS = 500;
    private static boolean warmedUp;

    static {
        Arrays.fill(COMPUTE_UNIT, (byte) 0x5a);
    }

    public static HostSpeed notMeasured() {
        return new HostSpeed(Double.NaN, Double.NaN, 0);
    }

    public boolean measured() {
        return samples > 0;
    }

    public String describe() {
        return measured()
                ? String.format("host speed: compute unit %.0f us, memory step %.0f ns (CPU time, medians of %d samples)", computeMicros,
                memoryNanos, samples)
                : "host speed: not measured";
    }

    /** The speed of the given samples: the median of each measure. */
    static HostSpeed of(List<long[]> computeMicrosAndMemoryNanos) {
        if (computeMicrosAndMemoryNanos.isEmpty()) {
            return notMeasured();
        }
        Histogram compute = new Histogram(3);
        Histogram memory = new Histogram(3);
        for (long[] sample : computeMicrosAndMemoryNanos) {
            compute.recordValue(Math.max(1, sample[0]));
            memory.recordValue(Math.max(1, sample[1]));
        }
        return new HostSpeed(compute.getValueAtPercentile(50), memory.getValueAtPercentile(50), computeMicrosAndMemoryNanos.size());
    }

    /** A single cycle through every index, in a fixed random order (Sattolo's algorithm), as next-index links. */
    static int[] randomCycle(int length, long seed) {
        int[] order = new int[length];
        Arrays.setAll(order, i -> i);
        Random random = new Random(seed);
        for (int i = length - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        int[] next = new int[length];
        for (int i = 0; i < length; i++) {
            next[order[i]] = order[(i + 1) % length];
        }
        return next;
    }

    /** Times both workloads on a daemon thread twice a second, from construction until {@link #stop()}. */
    public static final class Probe {
        private final List<Sample> samples = new ArrayList<>();
        private final Thread thread;
        private int position;

        public Probe() {
            this.thread = Thread.ofPlatform().daemon().name("host-speed-probe").start(this::loop);
        }

        private void loop() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            if (!threads.isCurrentThreadCpuTimeSupported()) {
                return; // no samples: the speed is reported as not measured
            }
            MessageDigest digest = sha256();
            warmUp(digest);
            while (!Thread.currentThread().isInterrupted()) {
                long before = threads.getCurrentThreadCpuTime();
                digest.update(COMPUTE_UNIT);
                digest.digest();
                long computed = threads.getCurrentThreadCpuTime();
                position = walk(position, HOPS);
                long walked = threads.getCurrentThreadCpuTime();
                synchronized (samples) {
                    samples.add(new Sample(System.nanoTime(), (computed - before) / 1000, (walked - computed) / HOPS));
                }
                try {
                    Thread.sleep(SAMPLE_EVERY_MILLIS);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        private static int walk(int from, int hops) {
            int at = from;
            for (int i = 0; i < hops; i++) {
                at = WALK[at];
            }
            return at;
        }

        /** Once per JVM: both workloads' first few hundred runs are interpreted or in C1, not at their steady speed. */
        private void warmUp(MessageDigest digest) {
            synchronized (Probe.class) {
                if (warmedUp) {
                    return;
                }
                for (int i = 0; i < WARM_UP_UNITS; i++) {
                    digest.update(COMPUTE_UNIT);
                    digest.digest();
                    position = walk(position, HOPS);
                }
                warmedUp = true;
            }
        }

        private static MessageDigest sha256() {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }

        public void stop() {
            thread.interrupt();
        }

        /** The speed between two instants (System.nanoTime()), from the samples that ended inside them. */
        public HostSpeed between(long fromNanos, long toNanos) {
            synchronized (samples) {
                return of(samples.stream().filter(s -> s.nanos >= fromNanos && s.nanos <= toNanos)
                        .map(s -> new long[] {s.computeMicros, s.memoryNanos}).toList());
            }
        }
    }

    private record Sample(long nanos, long computeMicros, long memoryNanos) {
    }
}
