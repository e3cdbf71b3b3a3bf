package org.faithbot.verification.load;

import org.faithbot.verification.load.ReleaseRounds.Release;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseRoundsTest {

    private final ReleaseRounds eight = new ReleaseRounds(8, Duration.ofSeconds(10), Duration.ofSeconds(8), 50);

    @Test
    void theRoundsFollowTheThueMorseOrderSoThatADriftWeighsTheSameOnBothReleases() {
        assertThat(new ReleaseRounds(4, Duration.ofSeconds(12), Duration.ofSeconds(8), 50).order()).isEqualTo("P C | P C C P");
        assertThat(eight.order()).isEqualTo("P C | P C C P C P P C");
        for (int power = 0; power <= 2; power++) {
            int p = power;
            assertThat(drift(Release.PREVIOUS, p)).as("drift of degree %d", p).isEqualTo(drift(Release.CANDIDATE, p));
        }
    }

    private double drift(Release release, int power) {
        return IntStream.range(0, eight.played()).filter(i -> eight.judged(i) && eight.releaseOf(i) == release).mapToDouble(i -> Math.pow(i, power)).sum();
    }

    @Test
    void aRequestBelongsToTheWarmUpARoundOrNoneBySendingTime() {
        // two warm-ups of 8 s, one after the other, the pause of 4 s, then rounds of 10 s: two settling, eight judged
        assertThat(eight.roundAt(Duration.ofMillis(19_999))).isEqualTo(-1);
        assertThat(eight.roundAt(Duration.ofSeconds(20))).isZero();
        assertThat(eight.roundAt(Duration.ofMillis(30_001))).isEqualTo(1);
        assertThat(eight.roundAt(Duration.ofSeconds(200))).isEqualTo(10);
        assertThat(eight.length()).isEqualTo(Duration.ofSeconds(120));
        assertThat(eight.judged(1)).isFalse();
        assertThat(eight.judged(2)).isTrue();
        assertThat(eight.judged(10)).isFalse();
    }

    @Test
    void onlyTheRoundsSamplesOfTheReleaseWhoseRoundItWasAreJudged(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("samples.csv");
        Files.writeString(file, ReleaseRounds.Sample.line(Release.PREVIOUS, -1, 1000, 12.5, true)
                + ReleaseRounds.Sample.line(Release.PREVIOUS, 0, 21000, 200.0, true)
                + ReleaseRounds.Sample.line(Release.CANDIDATE, 1, 31000, 300.0, true)
                + ReleaseRounds.Sample.line(Release.PREVIOUS, 2, 41000, 20.0, true)
                + ReleaseRounds.Sample.line(Release.CANDIDATE, 2, 41001, 30.0, true)
                + ReleaseRounds.Sample.line(Release.CANDIDATE, 3, 51000, 41.25, false)
                + ReleaseRounds.Sample.line(Release.CANDIDATE, 10, 121000, 5, true) + "\n");
        List<ReleaseRounds.Sample> judged = eight.judgedSamples(file);
        assertThat(judged).containsExactly(new ReleaseRounds.Sample(Release.PREVIOUS, 2, 41000, 20.0, true),
                new ReleaseRounds.Sample(Release.CANDIDATE, 3, 51000, 41.3, false));
    }

    @Test
    void roundsComeInPowersOfTwo() {
        assertThatThrownBy(() -> new ReleaseRounds(6, Duration.ofSeconds(10), Duration.ZERO, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReleaseRounds(4, Duration.ofSeconds(10), Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSuccessfulRequestsAreCountedPerSecondOfTheReleasesOwnRounds() {
        ReleaseRounds four = new ReleaseRounds(4, Duration.ofSeconds(10), Duration.ofSeconds(5), 50);
        long origin = 1_000_000;
        List<ReleaseRounds.Sample> samples = List.of(
                new ReleaseRounds.Sample(Release.CANDIDATE, 1, origin + 14_000 + 10_000 + 500, 10, true), // settling, not counted
                new ReleaseRounds.Sample(Release.CANDIDATE, 3, origin + 14_000 + 30_000 + 200, 10, true),
                new ReleaseRounds.Sample(Release.CANDIDATE, 3, origin + 14_000 + 30_000 + 900, 10, true),
                new ReleaseRounds.Sample(Release.CANDIDATE, 3, origin + 14_000 + 30_000 + 1_100, 10, false),
                new ReleaseRounds.Sample(Release.CANDIDATE, 4, origin + 14_000 + 49_999, 10, true));
        double[] counts = ReleaseComparison.okPerSecond(four, Release.CANDIDATE, samples, origin);
        assertThat(counts).hasSize(20);
        assertThat(counts[0]).isEqualTo(2);
        assertThat(counts[1]).isZero();
        assertThat(counts[19]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(counts).sum()).isEqualTo(3);
    }
}
