package org.faithbot.verification.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The side-by-side measurement of two releases (AC-3.6): the same open arrival rate of chat messages sent to the
 * previous release's instance and to this release's, in alternating rounds on the same host in the same run, after a
 * warm-up of each in turn at the same rate (this release's, then the previous one's; not judged). The rounds follow the Thue-Morse order (P C C P, then C P P C, ...), so that
 * a drift of the host's speed, linear or quadratic over the rounds, weighs the same on both releases; plain
 * alternation (P C P C) would give the candidate the later, and under a rising drift the slower, half.
 *
 * @param rounds  rounds in all, a power of two (each release gets half of them)
 * @param round   the length of one round
 * @param warmUp  each release's warm-up at the rate, one after the other, before the first round (not judged)
 * @param rate    chat messages per second sent to the release whose round it is
 */
public record ReleaseRounds(int rounds, Duration round, Duration warmUp, double rate) {

    /** The telemetry's field holding the first arrival's time (epoch ms): the rounds' clock. */
    public static final String ORIGIN = "originEpochMillis";

    public enum Release {
        PREVIOUS("previous"), CANDIDATE("candidate");

        private final String label;

        Release(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        static Release ofLabel(String label) {
            for (Release release : values()) {
                if (release.label.equals(label)) {
                    return release;
                }
            }
            throw new IllegalArgumentException("no release " + label);
        }
    }

    public ReleaseRounds {
        if (rounds < 2 || Integer.bitCount(rounds) != 1) {
            throw new IllegalArgumentException("rounds must be a power of two, at least 2: " + rounds);
        }
        if (!(rate > 0) || round.isNegative() || round.isZero()) {
            throw new IllegalArgumentException("a positive rate and round length: " + rate + "/s, " + round);
        }
    }

    /**
     * The rounds of both commands: 8 of 8 s at 50 messages/s (1,600 requests a release), after 10 s of warm-up each. A
     * warm-up of both at once at half the rate left the previous release's first round at a p95 of 958 ms against 23-57
     * ms in the other three: each JVM needs the full rate on its own before its rounds are comparable. Eight rounds
     * rather than four of twice the length: the Thue-Morse order of eight cancels a quadratic drift (the JVMs still
     * settling), and one noisy round weighs less (round p95s of 29-90 ms in one run of four).
     */
    public static ReleaseRounds of(LoadProfile profile) {
        return new ReleaseRounds(8, Duration.ofSeconds(8), Duration.ofSeconds(10), 50);
    }

    /** Whose round the {@code index}-th is (0-based): the Thue-Morse sequence, previous release first. */
    public Release releaseOf(int index) {
        return Integer.bitCount(index) % 2 == 0 ? Release.PREVIOUS : Release.CANDIDATE;
    }

    /** The order in words: "P C C P". */
    public String order() {
        return IntStream.range(0, rounds).mapToObj(i -> releaseOf(i) == Release.PREVIOUS ? "P" : "C").collect(Collectors.joining(" "));
    }

    public Duration length() {
        return warmUps().plus(round.multipliedBy(rounds));
    }

    /** Both warm-ups, one after the other. */
    public Duration warmUps() {
        return warmUp.multipliedBy(2);
    }

    /**
     * The round a request sent {@code sinceStart} after the first arrival belongs to: -1 during the warm-up, the round's
     * index after it ({@code rounds} for one sent after the last round ended: none of the rounds').
     */
    public int roundAt(Duration sinceStart) {
        if (sinceStart.compareTo(warmUps()) < 0) {
            return -1;
        }
        return (int) Math.min(rounds, sinceStart.minus(warmUps()).toMillis() / round.toMillis());
    }

    public String describe() {
        return String.format(Locale.ROOT, "open model: %.0f chat messages/s (one per arriving member), in %d rounds of %d s, order %s"
                        + " (P the previous release, C this one), after %d s of each at the same rate, one after the other (not judged); each"
                        + " release on an instance of its own, fresh and warmed up alike, behind no balancer", rate, rounds, round.toSeconds(), order(),
                warmUp.toSeconds());
    }

    /** The Gatling load that plays these rounds against the two instances. */
    public LoadPlan plan(String previousUrl, String candidateUrl, Path samplesFile) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("rounds.count", Integer.toString(rounds));
        properties.put("rounds.seconds", Long.toString(round.toSeconds()));
        properties.put("rounds.warm-up-seconds", Long.toString(warmUp.toSeconds()));
        properties.put("rounds.rate", String.format(Locale.ROOT, "%.1f", rate));
        properties.put("rounds.previous-url", previousUrl);
        properties.put("rounds.candidate-url", candidateUrl);
        properties.put("load.samples-file", samplesFile.toString());
        return new LoadPlan("release-rounds", ReleaseRoundsSimulation.class, properties, warmUps(), length(), length().plusMinutes(3),
                "1g", describe());
    }

    static ReleaseRounds fromSystem() {
        return new ReleaseRounds(Integer.getInteger("rounds.count", 4), Duration.ofSeconds(Long.getLong("rounds.seconds", 15)),
                Duration.ofSeconds(Long.getLong("rounds.warm-up-seconds", 10)), Double.parseDouble(System.getProperty("rounds.rate", "50")));
    }

    /** One timed request of the rounds, as the simulation writes it: release, round, start (epoch ms), latency (ms), 1 or 0 for success. */
    public record Sample(Release release, int round, long startEpochMillis, double latencyMillis, boolean ok) {

        static String line(Release release, int round, long startEpochMillis, double latencyMillis, boolean ok) {
            return release.label() + "," + round + "," + startEpochMillis + "," + String.format(Locale.ROOT, "%.1f", latencyMillis) + "," + (ok ? 1 : 0) + "\n";
        }

        static Sample parse(String line) {
            String[] fields = line.split(",");
            if (fields.length != 5) {
                throw new IllegalArgumentException("not a sample of the rounds: " + line);
            }
            return new Sample(Release.ofLabel(fields[0]), Integer.parseInt(fields[1]), Long.parseLong(fields[2]),
                    Double.parseDouble(fields[3]), "1".equals(fields[4]));
        }
    }

    /** The samples of the rounds proper (not the warm-up's, nor any sent after the last round), from the simulation's file. */
    public List<Sample> judgedSamples(Path samplesFile) {
        List<Sample> samples = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(samplesFile)) {
                if (!line.isBlank()) {
                    Sample sample = Sample.parse(line.trim());
                    if (sample.round() >= 0 && sample.round() < rounds && releaseOf(sample.round()) == sample.release()) {
                        samples.add(sample);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rounds' samples " + samplesFile, e);
        }
        return samples;
    }
}
