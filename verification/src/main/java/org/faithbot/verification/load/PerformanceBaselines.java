package org.faithbot.verification.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The committed performance baselines (AC-3.6), one per speed of host: this machine kind does not
 * always run at one speed (on some days it runs the service about 3x slower for hours), and a figure is
 * only comparable with one measured on a host about as fast. A run is compared with the baseline whose
 * host speed admits the run's; when none does, its figures are recorded and not judged.
 *
 * <p>Re-baselining (after a deliberate change, or on a host of a speed no baseline covers yet) is one run
 * with {@code -Dperformance.baseline.update=true}: its figures and host speed replace the baseline of
 * that speed, or are added as a new one.
 */
public record PerformanceBaselines(String note, List<PerformanceBaseline> baselines) {

    public static final String FILE = "verification/src/main/resources/performance-baseline.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public static PerformanceBaselines read(Path projectRoot) {
        try {
            return JSON.readValue(projectRoot.resolve(FILE).toFile(), PerformanceBaselines.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the performance baselines " + FILE, e);
        }
    }

    /** The baseline for a host of this speed: the nearest of those that admit it. */
    public Optional<PerformanceBaseline> forHost(HostSpeed speed) {
        return baselines.stream().filter(b -> b.host().admits(speed)).min(Comparator.comparingDouble(b -> b.host().distance(speed)));
    }

    /** The baseline nearest to this speed, admitted or not (to say how far the run's host was from it). */
    public PerformanceBaseline nearest(HostSpeed speed) {
        return baselines.stream().min(Comparator.comparingDouble(b -> b.host().distance(speed))).orElseThrow();
    }

    /** These baselines with the given one in place of the one for its host's speed, or added when none was. */
    public PerformanceBaselines with(PerformanceBaseline measured) {
        HostSpeed speed = new HostSpeed(measured.host().computeMicros(), measured.host().memoryNanos(), 1);
        Optional<PerformanceBaseline> replaced = forHost(speed);
        List<PerformanceBaseline> updated = new ArrayList<>(baselines.stream().filter(b -> replaced.map(r -> r != b).orElse(true)).toList());
        updated.add(measured);
        updated.sort(Comparator.comparingDouble(b -> b.host().memoryNanos()));
        return new PerformanceBaselines(note, updated);
    }

    public void write(Path projectRoot) {
        try {
            Files.writeString(projectRoot.resolve(FILE), JSON.writeValueAsString(this) + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the performance baselines " + FILE, e);
        }
    }
}
