package org.faithbot.verification.policy;

import io.qameta.allure.Allure;
import org.faithbot.verification.evidence.EvidenceRecorder;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs policy rules for a spec and records each outcome as STATIC evidence of its criterion (never
 * as a measurement), with the rule that checked it; the full outcomes are attached to the report.
 */
public final class PolicyEvidence {

    private PolicyEvidence() {
    }

    /**
     * Runs the rules a spec lists for a criterion. The list must be exactly the rules the catalogue
     * has for that criterion (the spec and the code cannot drift apart silently).
     *
     * @return the outcomes, each already recorded as evidence
     */
    public static List<RuleOutcome> check(PolicyInputs inputs, String criterion, List<String> ruleIds, EvidenceRecorder evidence) {
        Set<String> listed = new TreeSet<>(ruleIds);
        Set<String> defined = PolicyCatalogue.forCriterion(criterion).stream().map(PolicyRule::id).collect(Collectors.toCollection(TreeSet::new));
        if (!listed.equals(defined)) {
            Set<String> missing = new TreeSet<>(defined);
            missing.removeAll(listed);
            Set<String> unknown = new TreeSet<>(listed);
            unknown.removeAll(defined);
            throw new IllegalArgumentException("the spec lists other rules for " + criterion + " than the catalogue has: not listed "
                    + missing + ", not rules of " + criterion + " " + unknown);
        }
        List<RuleOutcome> outcomes = new ArrayList<>();
        for (String id : ruleIds) {
            RuleOutcome outcome = PolicyCatalogue.byId(id).check(inputs);
            evidence.checkedStaticallyUnder(criterion, outcome.evidenceText(), outcome.passed());
            outcomes.add(outcome);
        }
        attach("policy rules " + criterion, outcomes.stream().map(RuleOutcome::describe).collect(Collectors.joining("\n")));
        return outcomes;
    }

    /** A failure message naming every violated rule and each finding's file, resource and attribute. */
    public static String failures(List<RuleOutcome> outcomes) {
        return outcomes.stream().filter(o -> !o.passed()).map(RuleOutcome::describe).collect(Collectors.joining("\n"));
    }

    static void attach(String name, String text) {
        if (Allure.getLifecycle().getCurrentTestCase().isPresent()) {
            Allure.addAttachment(name, "text/plain", text, ".txt");
        }
    }

    /** Records one outcome of a linter or formatter as static evidence under the figure key's criteria, and attaches its report. */
    public static void record(EvidenceRecorder evidence, String key, String rule, boolean passed, String report) {
        evidence.checkedStatically(key, rule, passed);
        attach(rule, report);
    }
}
