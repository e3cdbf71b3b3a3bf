package org.faithbot.verification.merge;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.FeatureIndex;
import org.faithbot.verification.evidence.Comparator;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.ScenarioOutcome;
import org.faithbot.verification.report.LaunchSummary;
import org.faithbot.verification.signoff.LaunchLedger;
import org.faithbot.verification.signoff.SignOffLedger;
import org.faithbot.verification.signoff.Waivers;
import org.faithbot.verification.target.Targets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Evidence folders as runs write them, for the merge's tests and the page spec: a small catalogue (one criterion per
 * required level), its feature file, and runs made through the same summary code a real run uses.
 */
public final class MergeFixtures {

    public static final Instant NOW = Instant.parse("2026-12-05T12:00:00Z");
    public static final String RELEASE = "1111111111111111111111111111111111111111";

    public final CriteriaCatalogue catalogue = CriteriaCatalogue.load("/merge/criteria.yaml");
    public final FeatureIndex features = FeatureIndex.of(resource("/merge/features"));
    private final Path dir;

    public MergeFixtures(Path dir) {
        this.dir = dir;
    }

    /** A run's outcomes and records, written as that run would write its folder. */
    public final class Run {
        private final String target;
        private final Instant at;
        private String commit = RELEASE;
        private final List<ScenarioOutcome> outcomes = new ArrayList<>();
        private final List<Evidence> evidence = new ArrayList<>();

        Run(String target, Instant at) {
            this.target = target;
            this.at = at;
        }

        public Run onCommit(String sha) {
            commit = sha;
            return this;
        }

        public Run passed(String scenario, String... tags) {
            return ended(scenario, "PASSED", tags);
        }

        public Run failed(String scenario, String... tags) {
            return ended(scenario, "FAILED", tags);
        }

        private Run ended(String scenario, String status, String... tags) {
            Set<String> set = new LinkedHashSet<>(List.of(tags));
            outcomes.add(new ScenarioOutcome(scenario, set, status, status.equals("FAILED") ? "expected something else" : null));
            return this;
        }

        /** A measured record under {@code criterion}, met or not, at the run's level or against an emulator. */
        public Run measured(String criterion, String scenario, double value, double limit, String emulator) {
            evidence.add(new Evidence(criterion, "rollback time", value, "ms", Comparator.LESS_THAN, limit, value < limit, Evidence.Kind.MEASURED,
                    target, "fixture", scenario, at, Evidence.levelOf(Evidence.Kind.MEASURED, target, emulator), emulator, null));
            return this;
        }

        public Path write(String name) {
            Path folder = dir.resolve(name);
            LaunchSummary summary = LaunchSummary.of(target, commit, at, catalogue, features, outcomes, evidence, LaunchLedger.none(at));
            try {
                Files.createDirectories(folder);
                Files.writeString(folder.resolve("summary.json"), summary.json());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return folder;
        }
    }

    public Run run(String target, Duration ago) {
        return new Run(target, NOW.minus(ago));
    }

    /** The latest local run, a staging run and a production run, every scenario passed, every record met. */
    public List<Path> everythingFreshAndMet() {
        return List.of(
                run("local", Duration.ofDays(1)).passed("the files say it", "@AC-2.1", "@static")
                        .passed("the service does it", "@AC-1.4").passed("the deployment rehearsed locally", "@AC-1.1")
                        .measured("AC-1.1", "the deployment rehearsed locally", 9, 300_000, null).write("local"),
                run("staging", Duration.ofDays(2)).passed("the files say it", "@AC-2.1", "@static")
                        .passed("the deployment on staging", "@AC-1.1").passed("the rollback on staging", "@AC-1.1")
                        .measured("AC-1.1", "the rollback on staging", 95_000, 300_000, null).write("staging"),
                run("production", Duration.ofDays(3)).passed("the objectives in production", "@AC-5.4").write("production"));
    }

    /**
     * A launch that may go with one waiver: every run fresh and at its level, every sign-off given, and the production
     * objectives failed but waived by their owner until the end of the month.
     */
    public LaunchSummary goWithWaivers() {
        List<Path> folders = new ArrayList<>(everythingFreshAndMet());
        folders.set(2, run("production", Duration.ofDays(3)).failed("the objectives in production", "@AC-5.4").write("prod-failed"));
        return merge(folders, ledger(true), waivers("""
                waivers:
                  - { criterion: AC-5.4, owner: "Jane Doe (SRE lead)", reason: "RPO figure awaits a week of production backups",
                      granted: "2026-12-01", expiry: "2026-12-31", record: "https://tracker.example.org/LAUNCH-7" }
                """));
    }

    /** The sign-off ledger with every item signed ten days ago, or unsigned. */
    public SignOffLedger ledger(boolean signed) {
        LocalDate today = NOW.atOffset(ZoneOffset.UTC).toLocalDate();
        String yaml = signed ? """
                signOffs:
                  - { item: "Every on-call engineer trained on the runbooks", criterion: SC-OPS-5, role: "SRE lead",
                      name: "Ada Example", date: "%s", expiry: "%s", record: "https://tracker.example.org/TRAIN-1" }
                """.formatted(today.minusDays(10), today.plusDays(300)) : """
                signOffs:
                  - { item: "Every on-call engineer trained on the runbooks", criterion: SC-OPS-5, role: "SRE lead",
                      name: null, date: null, expiry: null, record: null }
                """;
        return SignOffLedger.read(write("sign-offs.yaml", yaml), Targets.projectRoot().resolve(SignOffLedger.SCHEMA), catalogue, today);
    }

    public Waivers waivers(String yaml) {
        return Waivers.read(write("waivers.yaml", yaml), Targets.projectRoot().resolve(Waivers.SCHEMA), catalogue);
    }

    public LaunchSummary merge(List<Path> folders, SignOffLedger ledger, Waivers waivers) {
        return EvidenceMerge.merge(folders.stream().map(RunFolder::read).toList(), catalogue, features,
                new LaunchLedger(ledger, waivers, NOW.atOffset(ZoneOffset.UTC).toLocalDate()), RELEASE, NOW);
    }

    private Path write(String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resource(String name) {
        try {
            return Path.of(MergeFixtures.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
