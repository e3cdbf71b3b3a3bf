package org.faithbot.verification.catalogue;

import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The features' tags are what the coverage check and the target selection rest on. */
class FeatureTagsTest {

    private final CriteriaCatalogue catalogue = CriteriaCatalogue.load();
    private final FeatureIndex features = FeatureIndex.of(Targets.projectRoot().resolve("features"));

    @Test
    void everyScenarioNamesACriterionOfTheCatalogue() {
        assertThat(features.scenarios()).isNotEmpty().allSatisfy(s ->
                assertThat(s.tags()).as("%s in %s", s.name(), s.uri()).anyMatch(CriteriaCatalogue::isCriterionTag));
        assertThat(CoverageCheck.of(catalogue, features).unknownCriterionTags()).as("criterion tags naming no criterion").isEmpty();
    }

    @Test
    void everyScenarioSaysWhichTargetsItRunsOn() {
        assertThat(features.scenarios()).allSatisfy(s ->
                assertThat(s.tags()).as("%s in %s", s.name(), s.uri()).containsAnyOf("@local", "@staging", "@production"));
    }

    @Test
    void theCoverageCheckCountsWhatIsNotYetCovered() {
        CoverageCheck coverage = CoverageCheck.of(catalogue, features);
        assertThat(coverage.criteria()).isEqualTo(catalogue.all().size());
        assertThat(coverage.covered() + coverage.uncovered().size()).isEqualTo(coverage.criteria());
        assertThat(coverage.uncovered()).extracting(Criterion::id).doesNotContain("AC-1.4", "AC-4.5");
    }
}
