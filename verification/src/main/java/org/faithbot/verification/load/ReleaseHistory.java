package org.faithbot.verification.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * The side-by-side figures of every comparison run on this machine (AC-3.6), one CSV line each, beside the cached
 * previous releases ({@value PreviousRelease#CACHE}/history.csv): both releases' chat p95 and successful requests per
 * second, so that a trend across releases shows even though each run judges only its own pair.
 */
public final class ReleaseHistory {

    static final String HEADER = "measured_at,candidate_commit,previous_commit,previous_p95_ms,candidate_p95_ms,p95_ratio,p95_excess_low_ms,"
            + "previous_ok_per_s,candidate_ok_per_s,throughput_ratio,throughput_ratio_high,previous_requests,candidate_requests,regressed\n";

    private final Path file;

    private ReleaseHistory(Path file) {
        this.file = file;
    }

    public static ReleaseHistory under(Path projectRoot) {
        return new ReleaseHistory(projectRoot.resolve(PreviousRelease.CACHE).resolve("history.csv"));
    }

    /** Appends the result's line and returns the whole history. */
    public String append(String candidateCommit, ReleaseComparison.Result result) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.isRegularFile(file)) {
                Files.writeString(file, HEADER, StandardCharsets.UTF_8);
            }
            Files.writeString(file, line(Instant.now(), candidateCommit, result), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the releases' history " + file, e);
        }
    }

    static String line(Instant at, String candidateCommit, ReleaseComparison.Result result) {
        var p95 = result.p95();
        var throughput = result.throughput();
        return String.format(Locale.ROOT, "%s,%s,%s,%.1f,%.1f,%.3f,%.1f,%.2f,%.2f,%.3f,%.3f,%d,%d,%s%n", at.truncatedTo(ChronoUnit.SECONDS),
                candidateCommit, result.previous().commit(), p95.beforeMillis(), p95.afterMillis(), result.p95Ratio(), p95.excessLowMillis(),
                throughput.beforePerSecond(), throughput.afterPerSecond(), throughput.ratio(), throughput.ratioHigh(), p95.beforeSamples(),
                p95.afterSamples(), result.regressed());
    }
}
