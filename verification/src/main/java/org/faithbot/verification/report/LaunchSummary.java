package org.faithbot.verification.report;

import org.faithbot.verification.catalogue.CoverageCheck;
import org.faithbot.verification.catalogue.CriteriaCatalogue;
import org.faithbot.verification.catalogue.Criterion;
import org.faithbot.verification.catalogue.FeatureIndex;
import org.faithbot.verification.catalogue.ProofLevel;
import org.faithbot.verification.catalogue.SpecScenario;
import org.faithbot.verification.evidence.Evidence;
import org.faithbot.verification.evidence.ScenarioOutcome;
import org.faithbot.verification.signoff.LaunchLedger;
import org.faithbot.verification.signoff.SignOff;
import org.faithbot.verification.signoff.Waiver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The per-criterion summary of a run (or of merged runs) and its gate, computed from what ran and what it measured,
 * never typed in. A criterion's status counts every scenario of it and every record of evidence under it
 * ({@link Judgement}); one that demands a sign-off stands by the ledger; a waiver in force turns what is not met into
 * WAIVED. The gate's rules are {@link LaunchGate}'s.
 *
 * @param commit      the git commit the run was on ("unknown" when it could not be read); for a merge, the release's
 * @param generatedAt when the summary was made
 * @param sources     for a merge, the runs merged, one line each; empty for one run
 */
public record LaunchSummary(String target, String commit, Instant generatedAt, List<CriterionResult> results, CoverageCheck coverage,
                            LaunchGate gate, List<String> sources) {

    public static LaunchSummary of(String target, CriteriaCatalogue catalogue, FeatureIndex features,
                                   List<ScenarioOutcome> outcomes, List<Evidence> evidence) {
        return of(target, RunCommit.UNKNOWN, catalogue, features, outcomes, evidence);
    }

    public static LaunchSummary of(String target, String commit, CriteriaCatalogue catalogue, FeatureIndex features,
                                   List<ScenarioOutcome> outcomes, List<Evidence> evidence) {
        Instant now = Instant.now();
        return of(target, commit, now, catalogue, features, outcomes, evidence, LaunchLedger.none(now));
    }

    public static LaunchSummary of(String target, String commit, Instant at, CriteriaCatalogue catalogue, FeatureIndex features,
                                   List<ScenarioOutcome> outcomes, List<Evidence> evidence, LaunchLedger ledger) {
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion criterion : catalogue.all()) {
            List<SpecScenario> written = features.scenariosFor(criterion);
            List<SpecScenario> forTarget = written.stream().filter(s -> s.runsOn(target) && !s.tags().contains("@wip")).toList();
            List<ScenarioOutcome> ran = outcomes.stream().filter(o -> o.tags().contains(criterion.tag())).toList();
            List<Evidence> records = evidence.stream().filter(e -> e.criterion().equals(criterion.id()))
                    .map(e -> e.commit() == null ? e.withCommit(commit) : e).toList();
            Judgement judged = Judgement.of(criterion, target, written.size(), forTarget.size(), ran, records);
            List<SignOff> items = ledger.signOffs().itemsOf(criterion.id());
            CriterionStatus status = judged.status();
            ProofLevel shownAt = judged.shownAt();
            String note = null;
            if (criterion.needsSignOff() && status != CriterionStatus.FAILED) {
                boolean signed = ledger.signOffs().signedOff(criterion.id(), ledger.day());
                status = signed ? CriterionStatus.SIGNED_OFF : CriterionStatus.AWAITING_SIGN_OFF;
                shownAt = signed ? ProofLevel.SIGN_OFF : shownAt;
                note = signOffNote(items, ledger);
            }
            CriterionResult result = new CriterionResult(criterion, status, shownAt, written.size(), forTarget.size(), ran.size(),
                    judged.failures(), records, ran, forTarget.stream().map(SpecScenario::name).toList(), items, null, note);
            results.add(waived(result, ledger));
        }
        List<CriterionResult> frozen = List.copyOf(results);
        return new LaunchSummary(target, commit, at, frozen, CoverageCheck.of(catalogue, features), LaunchGate.forRun(target, frozen), List.of());
    }

    /** The result, WAIVED when it is not accepted for the launch and a waiver of it is in force. */
    public static CriterionResult waived(CriterionResult result, LaunchLedger ledger) {
        if (result.status().acceptedForLaunch()) {
            return result;
        }
        Optional<Waiver> waiver = ledger.waivers().activeFor(result.criterion().id(), ledger.day());
        return waiver.map(result::waivedBy).orElse(result);
    }

    public static String signOffNote(List<SignOff> items, LaunchLedger ledger) {
        if (items.isEmpty()) {
            return "the ledger holds no item for it";
        }
        long signed = items.stream().filter(s -> s.stateOn(ledger.day()) == SignOff.State.SIGNED).count();
        return signed + " of " + items.size() + " ledger items signed on " + ledger.day();
    }

    public String verdict() {
        return gate.verdict();
    }

    public Map<CriterionStatus, Integer> counts() {
        Map<CriterionStatus, Integer> counts = new EnumMap<>(CriterionStatus.class);
        for (CriterionStatus status : CriterionStatus.values()) {
            counts.put(status, 0);
        }
        results.forEach(r -> counts.merge(r.status(), 1, Integer::sum));
        return counts;
    }

    /** How many criteria demand each level. */
    public Map<String, Integer> countsByRequiredLevel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProofLevel level : ProofLevel.values()) {
            if (level.canBeRequired()) {
                counts.put(level.word(), 0);
            }
        }
        results.forEach(r -> counts.merge(r.criterion().level().word(), 1, Integer::sum));
        return counts;
    }

    /** How many records of evidence were obtained at each level. */
    public Map<String, Integer> evidenceByLevel() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ProofLevel level : ProofLevel.values()) {
            counts.put(level.word(), 0);
        }
        results.forEach(r -> r.evidence().forEach(e -> counts.merge(e.level().word(), 1, Integer::sum)));
        return counts;
    }

    /** The waivers in force over this summary, in words. */
    public List<String> waivers() {
        return results.stream().filter(r -> r.waiver() != null).map(r -> r.waiver().describe()).toList();
    }

    /** The summary as data: summary.json. */
    public String json() {
        return SummaryJson.write(this);
    }

    /** The summary as printed at the end of a run and written to summary.txt. */
    public String render() {
        return SummaryText.render(this);
    }
}
