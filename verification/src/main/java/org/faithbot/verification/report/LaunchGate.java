package org.faithbot.verification.report;

import org.faithbot.verification.catalogue.ProofLevel;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict over a set of criterion results, and the one place its rules live (a merge of local, staging,
 * production and sign-off evidence reuses {@link #launch}).
 * <ul>
 *   <li>The local gate: READY FOR STAGING when every criterion that demands static or local proof is PASSED, every
 *       one that demands staging or production is at least REHEARSED, every sign-off one at least awaits its
 *       sign-off, and so nothing is FAILED, NOT COVERED, PARTIAL, SKIPPED or NOT RUN HERE; otherwise NOT READY.
 *       A local run never says GO.</li>
 *   <li>A staging run gives evidence, no verdict: one run cannot say GO.</li>
 *   <li>The launch gate (over merged evidence only): GO when every criterion is PASSED, otherwise NO-GO.</li>
 * </ul>
 *
 * @param gate     which gate: local, staging-evidence or launch
 * @param verdict  READY FOR STAGING or NOT READY; STAGING EVIDENCE (merge for GO/NO-GO); GO or NO-GO
 * @param blockers each criterion that keeps the gate closed, with its status and level
 */
public record LaunchGate(String gate, String verdict, List<String> blockers) {

    public static final String READY_FOR_STAGING = "READY FOR STAGING";
    public static final String NOT_READY = "NOT READY";
    public static final String STAGING_EVIDENCE = "STAGING EVIDENCE (merge for GO/NO-GO)";
    public static final String GO = "GO";
    public static final String NO_GO = "NO-GO";

    /** The gate of one run on this target: the local gate on local; evidence only on any other target. */
    public static LaunchGate forRun(String target, List<CriterionResult> results) {
        return "local".equals(target) ? readyForStaging(results) : evidenceOnly(target, results);
    }

    /** The local gate. */
    public static LaunchGate readyForStaging(List<CriterionResult> results) {
        List<String> blockers = new ArrayList<>();
        for (CriterionResult r : results) {
            if (!readyForStaging(r)) {
                blockers.add(blocker(r));
            }
        }
        return new LaunchGate("local", blockers.isEmpty() ? READY_FOR_STAGING : NOT_READY, List.copyOf(blockers));
    }

    /** What a staging (or production) run says: its evidence, to be merged; what failed is listed. */
    public static LaunchGate evidenceOnly(String target, List<CriterionResult> results) {
        List<String> blockers = results.stream().filter(r -> r.status() == CriterionStatus.FAILED).map(LaunchGate::blocker).toList();
        return new LaunchGate(target + "-evidence", STAGING_EVIDENCE, blockers);
    }

    /** The launch gate, over results computed from merged evidence (not from one run). */
    public static LaunchGate launch(List<CriterionResult> mergedResults) {
        List<String> blockers = mergedResults.stream().filter(r -> r.status() != CriterionStatus.PASSED).map(LaunchGate::blocker).toList();
        return new LaunchGate("launch", blockers.isEmpty() ? GO : NO_GO, blockers);
    }

    static boolean readyForStaging(CriterionResult r) {
        ProofLevel required = r.criterion().level();
        return switch (required) {
            case STATIC, LOCAL, EMULATOR -> r.status() == CriterionStatus.PASSED;
            case STAGING, PRODUCTION -> r.status() == CriterionStatus.PASSED || r.status() == CriterionStatus.REHEARSED;
            case SIGN_OFF -> r.status() == CriterionStatus.PASSED || r.status() == CriterionStatus.AWAITING_SIGN_OFF;
        };
    }

    private static String blocker(CriterionResult r) {
        return r.criterion().id() + " " + r.status().label().toUpperCase() + " (needs " + r.criterion().level() + "): " + r.reason();
    }

    public boolean open() {
        return verdict.equals(READY_FOR_STAGING) || verdict.equals(GO);
    }
}
