package org.faithbot.verification.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The /proc sampler behind the injector's and the target processes' costs, on this very JVM. */
class InjectorCostTest {

    @Test
    void measuresTheCpuAProcessUsesAndTheShareOfItsJitCompilers() throws Exception {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        InjectorCost.Sampler sampler = new InjectorCost.Sampler(ProcessHandle.current().pid());
        long from = System.nanoTime();
        long cpuFrom = threads.getCurrentThreadCpuTime();
        long until = from + 2_600_000_000L;
        double sink = 0;
        while (System.nanoTime() < until) {
            sink += Math.sqrt(sink + System.nanoTime());
        }
        long cpuUntil = threads.getCurrentThreadCpuTime();
        sampler.stop();
        long to = System.nanoTime();
        InjectorCost cost = sampler.between(from, to);
        // what this thread alone used, by the JVM's own account: the process used at least most of that (on a busy host
        // the thread may get far less than a core, so the bound is relative, not 0.5 core)
        double busyThread = (cpuUntil - cpuFrom) / (double) (to - from);

        assertThat(sink).isPositive();
        assertThat(cost.samples()).isGreaterThanOrEqualTo(2);
        assertThat(busyThread).as("the busy thread's own CPU share of the window").isPositive();
        assertThat(cost.cores()).as("the process's cores, read from /proc, against its busy thread's %.2f", busyThread)
                .isBetween(0.8 * busyThread, 4.0);
        assertThat(cost.compilerCores()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(cost.cores());
        assertThat(cost.describe()).contains("cores", "RSS");
    }
}
