package org.faithbot.verification.load;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The /proc sampler behind the injector's and the target processes' costs, on this very JVM. */
class InjectorCostTest {

    @Test
    void measuresTheCpuAProcessUsesAndTheShareOfItsJitCompilers() throws Exception {
        InjectorCost.Sampler sampler = new InjectorCost.Sampler(ProcessHandle.current().pid());
        long from = System.nanoTime();
        long until = from + 2_600_000_000L;
        double sink = 0;
        while (System.nanoTime() < until) {
            sink += Math.sqrt(sink + System.nanoTime());
        }
        sampler.stop();
        InjectorCost cost = sampler.between(from, System.nanoTime());

        assertThat(sink).isPositive();
        assertThat(cost.samples()).isGreaterThanOrEqualTo(2);
        assertThat(cost.cores()).as("one thread busy the whole window").isBetween(0.5, 4.0);
        assertThat(cost.compilerCores()).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(cost.cores());
        assertThat(cost.describe()).contains("cores", "RSS");
    }
}
