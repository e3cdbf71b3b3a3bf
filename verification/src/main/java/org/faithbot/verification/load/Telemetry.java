package org.faithbot.verification.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.gatling.javaapi.core.ChainBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import static io.gatling.javaapi.core.CoreDsl.exec;

/**
 * What a simulation measures about itself beyond Gatling's own statistics: how many virtual users
 * were in a journey at once (the concurrency actually reached). Written as JSON when the simulation ends.
 */
public final class Telemetry {

    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final AtomicLong firstArrival = new AtomicLong();
    private final AtomicInteger active = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final LongAdder started = new LongAdder();
    private final LongAdder finished = new LongAdder();

    /** Marks a virtual user entering its journey (the first one starts the clock of {@link #sinceFirstArrival()}). */
    public ChainBuilder userStarts() {
        return exec(session -> {
            firstArrival.compareAndSet(0, System.nanoTime());
            started.increment();
            peak.accumulateAndGet(active.incrementAndGet(), Math::max);
            return session;
        });
    }

    /** Marks a virtual user leaving its journey. */
    public ChainBuilder userLeaves() {
        return exec(session -> {
            finished.increment();
            active.decrementAndGet();
            return session;
        });
    }

    /** Time since the first virtual user arrived. */
    public Duration sinceFirstArrival() {
        long first = firstArrival.get();
        return first == 0 ? Duration.ZERO : Duration.ofNanos(System.nanoTime() - first);
    }

    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("peakConcurrentUsers", peak.get());
        map.put("journeysStarted", started.sum());
        map.put("journeysFinished", finished.sum());
        return map;
    }

    /** Writes the telemetry (and whatever else the simulation adds) to the file the harness named, if any. */
    public static void write(String file, Map<String, Object> content) {
        if (file == null || file.isBlank()) {
            return;
        }
        try {
            Path path = Path.of(file);
            Files.createDirectories(path.toAbsolutePath().getParent());
            JSON.writeValue(path.toFile(), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
