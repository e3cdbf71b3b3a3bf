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
 * warm-up of each in turn, rising to the same rate (the previous release's, then this one's), and a pause for the
 * requests still queued to drain, and a settling round of each at the full rate (none of them judged). The judged rounds
 * follow the Thue-Morse order (P C C P, then C P P C, ...), so that
 * a drift of the host's speed, linear or quadratic over the rounds, weighs the same on both releases; plain
 * alternation (P C P C) would give the candidate the later, and under a rising drift the slower, half.
 *
 * @param rounds  judged rounds, a power of two (each release gets half of them), after the {@value #SETTLING} settling ones
 * @param round   the length of one round
 * @param warmUp  each release's warm-up at the rate, one after the other, before the first round (not judged)
 * @param rate    chat messages per second sent to the release whose round it is
 */
public record ReleaseRounds(int rounds, Duration round, Duration warmUp, double rate) {

    /** Between the warm-ups and the first round: no request, so that what the warm-ups queued drains first. */
    public static final Duration PAUSE = Duration.ofSeconds(4);

    /**
     * Rounds played before the judged ones, the previous release's then this one's, at the full rate: in every run before
     * they were added, the first round of each release was its slowest (p95 45-455 ms against 20-75 ms in its later
     * rounds; the JIT compilers still busy), which weighed on whichever release the order put first.
     */
    public static final int SETTLING = 2;

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
     * The rounds of both commands: 8 of 8 s at 50 messages/s (1,600 requests a release), after 12 s of warm-up each and
     * the {@link #PAUSE}. A fresh JVM cannot take 50 messages/s at once on this machine kind: with a warm-up of both at
     * once at half the rate, and then with 10 s of each at the full rate straight into the rounds, the previous release's
     * first round came out at a p95 of 958 and 1,274 ms against 27-119 ms in the others, the warm-up's queue spilling
     * into it; so each warm-up rises from a fifth of the rate, and the rounds start after the queue drained and the
     * {@value #SETTLING} settling rounds. Eight
     * rounds rather than four of twice the length: the Thue-Morse order of eight cancels a quadratic drift (the JVMs
     * still settling), and one noisy round weighs less.
     */
    public static ReleaseRounds standard() {
        return new ReleaseRounds(8, Duration.ofSeconds(8), Duration.ofSeconds(12), 50);
    }

    /**
     * Whose round the {@code index}-th played is (0-based): the settling rounds' (the previous release's, then this one's),
     * then the Thue-Morse sequence, previous release first.
     */
    public Release releaseOf(int index) {
        if (index < SETTLING) {
            return index == 0 ? Release.PREVIOUS : Release.CANDIDATE;
        }
        return Integer.bitCount(index - SETTLING) % 2 == 0 ? Release.PREVIOUS : Release.CANDIDATE;
    }

    /** Whether the {@code index}-th round played is judged (not a settling round, nor after the last). */
    public boolean judged(int index) {
        return index >= SETTLING && index < played();
    }

    /** Rounds played: the settling ones and the judged ones. */
    public int played() {
        return SETTLING + rounds;
    }

    /** The order in words: "P C | P C C P" (the settling rounds before the bar). */
    public String order() {
        return IntStream.range(0, played()).mapToObj(i -> (i == SETTLING ? "| " : "") + (releaseOf(i) == Release.PREVIOUS ? "P" : "C"))
                .collect(Collectors.joining(" "));
    }

    public Duration length() {
        return warmUps().plus(round.multipliedBy(played()));
    }

    /** Both warm-ups, one after the other, and the pause after them. */
    public Duration warmUps() {
        return warmUp.multipliedBy(2).plus(PAUSE);
    }

    /**
     * The round a request sent {@code sinceStart} after the first arrival belongs to: -1 during the warm-up, the played
     * round's index after it ({@link #played()} for one sent after the last round ended: none of the rounds').
     */
    public int roundAt(Duration sinceStart) {
        if (sinceStart.compareTo(warmUps()) < 0) {
            return -1;
        }
        return (int) Math.min(played(), sinceStart.minus(warmUps()).toMillis() / round.toMillis());
    }

    public String describe() {
        return String.format(Locale.ROOT, "open model: %.0f chat messages/s (one per arriving member), in %d judged rounds of %d s, order %s"
                        + " (P the previous release, C this one; the first %d settle, not judged), after a warm-up of each in turn, %d s rising from %.0f/s, and %d s without"
                        + " requests (not judged); each release on an instance of its own, fresh and warmed up alike, behind no balancer", rate, rounds,
                round.toSeconds(), order(), SETTLING, warmUp.toSeconds(), rate / 5, PAUSE.toSeconds());
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
                Duration.ofSeconds(Long.getLong("rounds.warm-up-seconds", 12)), Double.parseDouble(System.getProperty("rounds.rate", "50")));
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
                    if (judged(sample.round()) && releaseOf(sample.round()) == sample.release()) {
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
