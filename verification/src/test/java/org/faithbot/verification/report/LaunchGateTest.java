package org.faithbot.verification.report;

import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.Criterion;
import org.faithbot.verification.catalogue.ProofLevel;
import org.faithbot.verification.signoff.Waiver;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LaunchGateTest {

    private final CriteriaCatalogue catalogue = CriteriaCatalogue.load();

    /** Every criterion as well as a local run can leave it: static and local ones passed, higher ones rehearsed, sign-offs awaited. */
    private List<CriterionResult> bestALocalRunCanDo() {
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion c : catalogue.all()) {
            CriterionStatus status = switch (c.level()) {
                case STATIC, LOCAL, EMULATOR -> CriterionStatus.PASSED;
                case STAGING, PRODUCTION -> CriterionStatus.REHEARSED;
                case SIGN_OFF -> CriterionStatus.AWAITING_SIGN_OFF;
            };
            ProofLevel shown = c.level() == ProofLevel.STATIC ? ProofLevel.STATIC : ProofLevel.LOCAL;
            results.add(new CriterionResult(c, status, shown, 1, 1, 1, List.of(), List.of()));
        }
        return results;
    }

    private static List<CriterionResult> with(List<CriterionResult> results, String id, CriterionStatus status) {
        return results.stream().map(r -> r.criterion().id().equals(id)
                ? new CriterionResult(r.criterion(), status, r.shownAt(), 1, 1, 1, List.of(), List.of()) : r).toList();
    }

    @Test
    void theLocalGateIsReadyForStagingWhenLocalCriteriaPassedAndHigherOnesWereRehearsed() {
        LaunchGate gate = LaunchGate.forRun("local", bestALocalRunCanDo());
        assertThat(gate.verdict()).isEqualTo(LaunchGate.READY_FOR_STAGING);
        assertThat(gate.gate()).isEqualTo("local");
        assertThat(gate.blockers()).isEmpty();
    }

    @Test
    void theLocalGateIsNotReadyWhenALocalCriterionIsOnlyRehearsedOrAnythingFailedOrIsNotCovered() {
        List<CriterionResult> best = bestALocalRunCanDo();
        assertThat(LaunchGate.readyForStaging(with(best, "NFR-PERF-1", CriterionStatus.REHEARSED)).verdict()).isEqualTo(LaunchGate.NOT_READY);
        assertThat(LaunchGate.readyForStaging(with(best, "AC-1.1", CriterionStatus.FAILED)).verdict()).isEqualTo(LaunchGate.NOT_READY);
        assertThat(LaunchGate.readyForStaging(with(best, "AC-5.4", CriterionStatus.NOT_COVERED)).verdict()).isEqualTo(LaunchGate.NOT_READY);
        assertThat(LaunchGate.readyForStaging(with(best, "AC-1.4", CriterionStatus.PARTIAL)).verdict()).isEqualTo(LaunchGate.NOT_READY);
        assertThat(LaunchGate.readyForStaging(with(best, "AC-5.1", CriterionStatus.NOT_RUN_HERE)).verdict()).isEqualTo(LaunchGate.NOT_READY);
        LaunchGate gate = LaunchGate.readyForStaging(with(best, "AC-2.10", CriterionStatus.SKIPPED));
        assertThat(gate.blockers()).singleElement().asString().startsWith("AC-2.10 SKIPPED (needs static)");
    }

    @Test
    void aSignOffAwaitedIsNoFailureOfTheLocalGateButIsOfTheLaunchGate() {
        List<CriterionResult> best = bestALocalRunCanDo();
        assertThat(best).anySatisfy(r -> assertThat(r.status()).isEqualTo(CriterionStatus.AWAITING_SIGN_OFF));
        assertThat(LaunchGate.readyForStaging(best).open()).isTrue();
        assertThat(LaunchGate.launch(best).verdict()).isEqualTo(LaunchGate.NO_GO);
    }

    @Test
    void oneRunNeverSaysGo() {
        List<CriterionResult> allPassed = bestALocalRunCanDo().stream()
                .map(r -> new CriterionResult(r.criterion(), r.criterion().needsSignOff() ? CriterionStatus.SIGNED_OFF : CriterionStatus.PASSED,
                        r.criterion().level(), 1, 1, 1, List.of(), List.of())).toList();
        assertThat(LaunchGate.forRun("local", allPassed).verdict()).isEqualTo(LaunchGate.READY_FOR_STAGING);
        assertThat(LaunchGate.forRun("staging", allPassed).verdict()).isEqualTo(LaunchGate.STAGING_EVIDENCE);
        assertThat(LaunchGate.launch(allPassed).verdict()).as("only over merged evidence").isEqualTo(LaunchGate.GO);
    }

    @Test
    void aMachineCannotPassASignOffCriterion() {
        List<CriterionResult> passedByMachine = bestALocalRunCanDo().stream()
                .map(r -> new CriterionResult(r.criterion(), CriterionStatus.PASSED, r.criterion().level(), 1, 1, 1, List.of(), List.of())).toList();
        assertThat(LaunchGate.readyForStaging(passedByMachine).open()).as("PASSED is not SIGNED-OFF").isFalse();
    }

    @Test
    void aWaiverOpensTheGateWithWaiversAndNeverShowsAsPassed() {
        Waiver waiver = new Waiver("NFR-PERF-5", "Jane Doe", "measured only after a week of CDN traffic", LocalDate.parse("2026-12-01"),
                LocalDate.parse("2026-12-31"), null);
        List<CriterionResult> merged = bestALocalRunCanDo().stream()
                .map(r -> r.criterion().id().equals("NFR-PERF-5")
                        ? new CriterionResult(r.criterion(), CriterionStatus.FAILED, null, 1, 1, 1, List.of("p: FAILED"), List.of()).waivedBy(waiver)
                        : new CriterionResult(r.criterion(), r.criterion().needsSignOff() ? CriterionStatus.SIGNED_OFF : CriterionStatus.PASSED,
                                r.criterion().level(), 1, 1, 1, List.of(), List.of())).toList();
        CriterionResult waived = merged.stream().filter(r -> r.criterion().id().equals("NFR-PERF-5")).findFirst().orElseThrow();
        assertThat(waived.status()).isEqualTo(CriterionStatus.WAIVED);
        assertThat(waived.reason()).contains("Jane Doe").contains("FAILED without the waiver");
        assertThat(LaunchGate.launch(merged).verdict()).isEqualTo(LaunchGate.GO_WITH_WAIVERS);
        assertThat(LaunchGate.readyForStaging(merged).verdict()).isEqualTo(LaunchGate.READY_FOR_STAGING_WITH_WAIVERS);
    }
}
