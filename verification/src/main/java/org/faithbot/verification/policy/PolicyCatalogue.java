package org.faithbot.verification.policy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Every policy rule, Terraform and pipeline, and which criterion each gives evidence for. */
public final class PolicyCatalogue {

    private static final List<PolicyRule> ALL = build();

    private PolicyCatalogue() {
    }

    private static List<PolicyRule> build() {
        List<PolicyRule> all = new ArrayList<>();
        all.addAll(PlatformRules.rules());
        all.addAll(NetworkRules.rules());
        all.addAll(IamRules.rules());
        all.addAll(WorkflowRules.rules());
        all.addAll(HarnessRules.rules());
        all.addAll(OperationsRules.rules());
        all.addAll(FaultInjectionRules.rules());
        all.addAll(EncryptionRules.rules());
        all.addAll(SupplyChainRules.rules());
        all.addAll(MonitoringRules.rules());
        Set<String> ids = new LinkedHashSet<>();
        for (PolicyRule rule : all) {
            if (!ids.add(rule.id())) {
                throw new IllegalStateException("policy rule " + rule.id() + " is defined twice");
            }
        }
        return List.copyOf(all);
    }

    public static List<PolicyRule> all() {
        return ALL;
    }

    public static List<PolicyRule> forCriterion(String criterion) {
        String id = criterion.startsWith("@") ? criterion.substring(1) : criterion;
        return ALL.stream().filter(r -> r.criterion().equals(id)).toList();
    }

    public static PolicyRule byId(String id) {
        return ALL.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no policy rule " + id));
    }

    /** The criteria that have rules, in catalogue order of first appearance. */
    public static List<String> criteria() {
        return ALL.stream().map(PolicyRule::criterion).distinct().toList();
    }
}
