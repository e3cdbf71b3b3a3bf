package org.faithbot.verification.merge;

import org.faithbot.verification.catalogue.CoverageCheck;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.Criterion;
import org.faithbot.verification.catalogue.FeatureIndex;
import org.faithbot.verification.catalogue.ProofLevel;
import org.faithbot.verification.report.CriterionResult;
import org.faithbot.verification.report.CriterionStatus;
import org.faithbot.verification.report.LaunchGate;
import org.faithbot.verification.report.LaunchSummary;
import org.faithbot.verification.signoff.LaunchLedger;
import org.faithbot.verification.signoff.SignOff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The launch verdict: the evidence of several runs (the latest local run, staging game days, deployments and
 * recovery drills, production runs) merged with the sign-off ledger and the waivers, each record counted only within
 * its freshness window, then judged by the launch gate (GO, GO with waivers, NO-GO). Evidence from an emulator or a
 * stub keeps its own level and never counts as staging.
 */
public final class EvidenceMerge {

    private EvidenceMerge() {
    }

    /**
     * @param releaseCommit the commit to be released: static checks count only when they ran on it
     * @param at            when the verdict is given: freshness windows and sign-off expiries are judged then
     */
    public static LaunchSummary merge(List<RunFolder> runs, CriteriaCatalogue catalogue, FeatureIndex features, LaunchLedger ledger,
                                      String releaseCommit, Instant at) {
        if (runs.isEmpty()) {
            throw new IllegalArgumentException("nothing to merge: give at least one run's evidence folder");
        }
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion criterion : catalogue.all()) {
            results.add(LaunchSummary.waived(judge(criterion, runs, catalogue, features, ledger, releaseCommit, at), ledger));
        }
        List<CriterionResult> frozen = List.copyOf(results);
        List<String> sources = runs.stream().map(RunFolder::describe).toList();
        return new LaunchSummary("merged", releaseCommit, at, frozen, CoverageCheck.of(catalogue, features), LaunchGate.launch(frozen), sources);
    }

    private static CriterionResult judge(Criterion criterion, List<RunFolder> runs, CriteriaCatalogue catalogue, FeatureIndex features,
                                         LaunchLedger ledger, String releaseCommit, Instant at) {
        int written = features.scenariosFor(criterion).size();
        List<Contribution> fresh = new ArrayList<>();
        List<Contribution> expired = new ArrayList<>();
        for (RunFolder run : runs) {
            RunFolder.CriterionRun ran = run.criteria().get(criterion.id());
            if (ran != null && ran.ranAnything()) {
                Contribution c = Contribution.of(run, ran, criterion, catalogue.freshness());
                (c.freshAt(at, releaseCommit) ? fresh : expired).add(c);
            }
        }
        CriterionResult merged = fresh.isEmpty() ? nothingFresh(criterion, written, expired, releaseCommit)
                : CriterionMerge.merge(criterion, written, fresh);
        return criterion.needsSignOff() ? signOff(merged, ledger) : merged;
    }

    private static CriterionResult nothingFresh(Criterion criterion, int written, List<Contribution> expired, String releaseCommit) {
        if (!expired.isEmpty()) {
            List<String> why = expired.stream().map(c -> c.expiry(releaseCommit)).toList();
            return new CriterionResult(criterion, CriterionStatus.EXPIRED, null, written, 0, 0, List.of(), List.of(), List.of(), List.of(),
                    List.of(), null, String.join("; ", why));
        }
        CriterionStatus status = written == 0 ? CriterionStatus.NOT_COVERED : CriterionStatus.SKIPPED;
        return new CriterionResult(criterion, status, null, written, 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), null, null);
    }

    /** A sign-off criterion stands by the ledger; a failing scenario of it still fails it. */
    private static CriterionResult signOff(CriterionResult merged, LaunchLedger ledger) {
        List<SignOff> items = ledger.signOffs().itemsOf(merged.criterion().id());
        if (merged.status() == CriterionStatus.FAILED) {
            return merged;
        }
        boolean signed = ledger.signOffs().signedOff(merged.criterion().id(), ledger.day());
        return new CriterionResult(merged.criterion(), signed ? CriterionStatus.SIGNED_OFF : CriterionStatus.AWAITING_SIGN_OFF,
                signed ? ProofLevel.SIGN_OFF : merged.shownAt(), merged.scenariosWritten(), merged.scenariosForTarget(), merged.scenariosRun(),
                merged.failures(), merged.evidence(), merged.scenarios(), merged.expectedScenarios(), items, null,
                LaunchSummary.signOffNote(items, ledger));
    }
}
