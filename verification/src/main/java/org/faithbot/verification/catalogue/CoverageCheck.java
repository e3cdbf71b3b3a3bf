package org.faithbot.verification.catalogue;

import java.util.List;
import java.util.TreeSet;

/** Which criteria have no scenario yet, and which criterion tags in the features name no criterion. */
public record CoverageCheck(List<Criterion> uncovered, List<String> unknownCriterionTags, int criteria) {

    public static CoverageCheck of(CriteriaCatalogue catalogue, FeatureIndex features) {
        List<Criterion> uncovered = catalogue.all().stream()
                .filter(c -> features.scenariosFor(c).isEmpty())
                .toList();
        TreeSet<String> unknown = new TreeSet<>();
        features.scenarios().forEach(s -> s.tags().stream()
                .filter(CriteriaCatalogue::isCriterionTag)
                .filter(tag -> catalogue.find(tag).isEmpty())
                .forEach(unknown::add));
        return new CoverageCheck(uncovered, List.copyOf(unknown), catalogue.all().size());
    }

    public int covered() {
        return criteria - uncovered.size();
    }
}
