package org.faithbot.chatbot.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

/** Reads counters in tests (0 when the counter does not exist yet). */
public final class Meters {

    private Meters() {
    }

    public static double count(MeterRegistry registry, String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        if (counter != null) {
            return counter.count();
        }
        FunctionCounter functionCounter = registry.find(name).tags(tags).functionCounter();
        return (functionCounter != null) ? functionCounter.count() : 0;
    }

    public static long timerCount(MeterRegistry registry, String name, String... tags) {
        var timer = registry.find(name).tags(tags).timer();
        return (timer != null) ? timer.count() : 0;
    }
}
