package org.faithbot.verification.report;

import java.util.ArrayList;
import java.util.List;

/**
 * The verdict over a set of criterion results, and the one place its rules live.
 * <ul>
 *   <li>The local gate: READY FOR STAGING when every criterion that demands static or local proof is PASSED, every
 *       one that demands staging or production is at least REHEARSED, every sign-off one at least awaits its
 *       sign-off, and so nothing is FAILED, NOT COVERED, PARTIAL, SKIPPED, NOT RUN HERE or EXPIRED; otherwise NOT
 *       READY. A waived criterion does not hold it closed ("READY FOR STAGING with waivers"). A local run never says GO.</li>
 *   <li>A staging run gives evidence, no verdict: one run cannot say GO.</li>
 *   <li>The launch gate (over merged evidence only): GO when every criterion is PASSED or SIGNED-OFF; "GO with
 *       waivers" when the others are all WAIVED; otherwise NO-GO.</li>
 * </ul>
 *
 * @param gate     which gate: local, staging-evidence or launch
 * @param verdict  READY FOR STAGING (with waivers) or NOT READY; STAGING EVIDENCE (merge for GO/NO-GO); GO, GO with waivers or NO-GO
 * @param blockers each criterion that keeps the gate closed, with its status and level
 */
public record LaunchGate(String gate, String verdict, List<String> blockers) {

    public static final String READY_FOR_STAGING = "READY FOR STAGING";
    public static final String READY_FOR_STAGING_WITH_WAIVERS = "READY FOR STAGING with waivers";
    public static final String NOT_READY = "NOT READY";
    public static final String STAGING_EVIDENCE = "STAGING EVIDENCE (merge for GO/NO-GO)";
    public static final String GO = "GO";
    public static final String GO_WITH_WAIVERS = "GO with waivers";
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
        boolean waived = results.stream().anyMatch(r -> r.status() == CriterionStatus.WAIVED);
        String verdict = !blockers.isEmpty() ? NOT_READY : waived ? READY_FOR_STAGING_WITH_WAIVERS : READY_FOR_STAGING;
        return new LaunchGate("local", verdict, List.copyOf(blockers));
    }

    /** What a staging (or production) run says: its evidence, to be merged; what failed is listed. */
    public static LaunchGate evidenceOnly(String target, List<CriterionResult> results) {
        List<String> blockers = results.stream().filter(r -> r.status() == CriterionStatus.FAILED).map(LaunchGate::blocker).toList();
        return new LaunchGate(target + "-evidence", STAGING_EVIDENCE, blockers);
    }

    /** The launch gate, over results computed from merged evidence (not from one run). */
    public static LaunchGate launch(List<CriterionResult> mergedResults) {
        List<String> blockers = mergedResults.stream().filter(r -> !r.status().acceptedForLaunch()).map(LaunchGate::blocker).toList();
        boolean waived = mergedResults.stream().anyMatch(r -> r.status() == CriterionStatus.WAIVED);
        return new LaunchGate("launch", !blockers.isEmpty() ? NO_GO : waived ? GO_WITH_WAIVERS : GO, blockers);
    }

    static boolean readyForStaging(CriterionResult r) {
        if (r.status() == CriterionStatus.WAIVED) {
            return true;
        }
        return switch (r.criterion().level()) {
            case STATIC, LOCAL, EMULATOR -> r.status() == CriterionStatus.PASSED;
            case STAGING, PRODUCTION -> r.status() == CriterionStatus.PASSED || r.status() == CriterionStatus.REHEARSED;
            case SIGN_OFF -> r.status() == CriterionStatus.SIGNED_OFF || r.status() == CriterionStatus.AWAITING_SIGN_OFF;
        };
    }

    private static String blocker(CriterionResult r) {
        return r.criterion().id() + " " + r.status().label().toUpperCase() + " (needs " + r.criterion().level() + "): " + r.reason();
    }

    public boolean open() {
        return verdict.equals(READY_FOR_STAGING) || verdict.equals(READY_FOR_STAGING_WITH_WAIVERS) || verdict.equals(GO)
                || verdict.equals(GO_WITH_WAIVERS);
    }
}
