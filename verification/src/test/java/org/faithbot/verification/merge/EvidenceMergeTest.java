package org.faithbot.verification.merge;

import org.faithbot.verification.report.CriterionResult;
import org.faithbot.verification.report.CriterionStatus;
import org.faithbot.verification.report.LaunchGate;
import org.faithbot.verification.report.LaunchSummary;
import org.faithbot.verification.signoff.Waivers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The launch gate over merged evidence folders: GO only when every record is fresh, at its level, and signed. */
class EvidenceMergeTest {

    @TempDir
    Path dir;

    private MergeFixtures fixtures() {
        return new MergeFixtures(dir);
    }

    private static CriterionResult result(LaunchSummary summary, String id) {
        return summary.results().stream().filter(r -> r.criterion().id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void goWhenEveryRecordIsFreshAtItsLevelAndSigned() {
        MergeFixtures f = fixtures();
        LaunchSummary merged = f.merge(f.everythingFreshAndMet(), f.ledger(true), Waivers.none());
        assertThat(merged.results()).allSatisfy(r -> assertThat(r.status().acceptedForLaunch()).as(r.criterion().id() + ": " + r.reason()).isTrue());
        assertThat(result(merged, "AC-1.1").status()).isEqualTo(CriterionStatus.PASSED);
        assertThat(result(merged, "AC-1.1").reason()).contains("judged on the staging evidence");
        assertThat(result(merged, "SC-OPS-5").status()).isEqualTo(CriterionStatus.SIGNED_OFF);
        assertThat(merged.verdict()).isEqualTo(LaunchGate.GO);
        assertThat(merged.gate().gate()).isEqualTo("launch");
        assertThat(merged.sources()).hasSize(3);
    }

    @Test
    void noGoWhenARecordHasExpired() {
        MergeFixtures f = fixtures();
        List<Path> folders = new ArrayList<>(f.everythingFreshAndMet());
        folders.set(1, f.run("staging", Duration.ofDays(31)).passed("the files say it", "@AC-2.1", "@static")
                .passed("the deployment on staging", "@AC-1.1").passed("the rollback on staging", "@AC-1.1")
                .measured("AC-1.1", "the rollback on staging", 95_000, 300_000, null).write("old-staging"));
        LaunchSummary merged = f.merge(folders, f.ledger(true), Waivers.none());
        CriterionResult deployment = result(merged, "AC-1.1");
        assertThat(deployment.status()).as("the local rehearsal is still fresh, the staging proof is not").isEqualTo(CriterionStatus.REHEARSED);
        assertThat(merged.verdict()).isEqualTo(LaunchGate.NO_GO);
        assertThat(merged.gate().blockers()).anySatisfy(b -> assertThat(b).startsWith("AC-1.1 REHEARSED"));
    }

    @Test
    void anExpiredRecordCountsAsMissingAndSaysWhenItExpired() {
        MergeFixtures f = fixtures();
        Path production = f.run("production", Duration.ofDays(31)).passed("the objectives in production", "@AC-5.4").write("old-production");
        Path oldDrill = f.run("production", Duration.ofDays(93)).passed("the objectives in production", "@AC-5.4").write("older-production");
        LaunchSummary withinQuarter = f.merge(List.of(production), f.ledger(true), Waivers.none());
        assertThat(result(withinQuarter, "AC-5.4").status()).as("the criterion's own window (P92D) applies").isEqualTo(CriterionStatus.PASSED);
        LaunchSummary pastQuarter = f.merge(List.of(oldDrill), f.ledger(true), Waivers.none());
        CriterionResult expired = result(pastQuarter, "AC-5.4");
        assertThat(expired.status()).isEqualTo(CriterionStatus.EXPIRED);
        assertThat(expired.reason()).contains("expired on 2026-12-04T12:00:00Z").contains("P92D");
        assertThat(pastQuarter.verdict()).isEqualTo(LaunchGate.NO_GO);
    }

    @Test
    void noGoWhenASignOffIsMissing() {
        MergeFixtures f = fixtures();
        LaunchSummary merged = f.merge(f.everythingFreshAndMet(), f.ledger(false), Waivers.none());
        assertThat(result(merged, "SC-OPS-5").status()).isEqualTo(CriterionStatus.AWAITING_SIGN_OFF);
        assertThat(result(merged, "SC-OPS-5").reason()).contains("0 of 1 ledger items signed");
        assertThat(merged.verdict()).isEqualTo(LaunchGate.NO_GO);
    }

    @Test
    void noGoWhenARecordWasMadeAgainstAnEmulator() {
        MergeFixtures f = fixtures();
        List<Path> folders = new ArrayList<>(f.everythingFreshAndMet());
        folders.set(1, f.run("staging", Duration.ofDays(2)).passed("the files say it", "@AC-2.1", "@static")
                .passed("the deployment on staging", "@AC-1.1").passed("the rollback on staging", "@AC-1.1")
                .measured("AC-1.1", "the deployment on staging", 120_000, 600_000, "moto")
                .measured("AC-1.1", "the rollback on staging", 95_000, 300_000, "moto").write("moto-staging"));
        LaunchSummary merged = f.merge(folders, f.ledger(true), Waivers.none());
        CriterionResult deployment = result(merged, "AC-1.1");
        assertThat(deployment.status()).as("evidence from an emulator never counts as staging").isEqualTo(CriterionStatus.REHEARSED);
        assertThat(deployment.evidence()).anySatisfy(e -> assertThat(e.level().word()).isEqualTo("emulator"));
        assertThat(merged.verdict()).isEqualTo(LaunchGate.NO_GO);
    }

    @Test
    void aStaticCheckCountsOnlyOnTheReleaseCommit() {
        MergeFixtures f = fixtures();
        Path local = f.run("local", Duration.ofHours(2)).onCommit("2222222222222222222222222222222222222222")
                .passed("the files say it", "@AC-2.1", "@static").write("other-commit");
        LaunchSummary merged = f.merge(List.of(local), f.ledger(true), Waivers.none());
        CriterionResult files = result(merged, "AC-2.1");
        assertThat(files.status()).isEqualTo(CriterionStatus.EXPIRED);
        assertThat(files.reason()).contains("not on the release's commit");
    }

    @Test
    void partialRunsAddUpToTheWholeCriterion() {
        MergeFixtures f = fixtures();
        Path gameDay = f.run("staging", Duration.ofDays(1)).passed("the rollback on staging", "@AC-1.1").write("game-day");
        Path deployment = f.run("staging", Duration.ofDays(5)).passed("the deployment on staging", "@AC-1.1").write("deployment");
        LaunchSummary onlyOne = f.merge(List.of(gameDay), f.ledger(true), Waivers.none());
        assertThat(result(onlyOne, "AC-1.1").status()).isEqualTo(CriterionStatus.PARTIAL);
        LaunchSummary both = f.merge(List.of(gameDay, deployment), f.ledger(true), Waivers.none());
        assertThat(result(both, "AC-1.1").status()).isEqualTo(CriterionStatus.PASSED);
    }

    @Test
    void theLatestOutcomeOfAScenarioCountsAndAFailureAnywhereFails() {
        MergeFixtures f = fixtures();
        Path failedThenPassed = f.run("staging", Duration.ofDays(6)).failed("the rollback on staging", "@AC-1.1")
                .passed("the deployment on staging", "@AC-1.1").write("failed-first");
        Path passedLater = f.run("staging", Duration.ofDays(1)).passed("the rollback on staging", "@AC-1.1").write("passed-later");
        assertThat(result(f.merge(List.of(failedThenPassed, passedLater), f.ledger(true), Waivers.none()), "AC-1.1").status())
                .isEqualTo(CriterionStatus.PASSED);
        Path notMet = f.run("staging", Duration.ofHours(1)).passed("the rollback on staging", "@AC-1.1")
                .measured("AC-1.1", "the rollback on staging", 400_000, 300_000, null).write("not-met");
        CriterionResult failed = result(f.merge(List.of(failedThenPassed, passedLater, notMet), f.ledger(true), Waivers.none()), "AC-1.1");
        assertThat(failed.status()).as("a record not met under a green scenario").isEqualTo(CriterionStatus.FAILED);
        assertThat(failed.failures()).anySatisfy(x -> assertThat(x).contains("NOT MET"));
    }

    @Test
    void aWaiverMakesItGoWithWaiversAndTheCriterionWaivedNeverPassed() {
        MergeFixtures f = fixtures();
        LaunchSummary merged = f.goWithWaivers();
        CriterionResult objectives = result(merged, "AC-5.4");
        assertThat(objectives.status()).isEqualTo(CriterionStatus.WAIVED);
        assertThat(objectives.reason()).contains("Jane Doe").contains("FAILED without the waiver");
        assertThat(merged.verdict()).isEqualTo(LaunchGate.GO_WITH_WAIVERS);
        assertThat(merged.waivers()).singleElement().asString().contains("AC-5.4 waived by Jane Doe (SRE lead) until 2026-12-31");
    }
}
