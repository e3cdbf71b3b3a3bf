package org.faithbot.verification.catalogue;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CriteriaCatalogueTest {

    private final CriteriaCatalogue catalogue = CriteriaCatalogue.load();

    @Test
    void listsEveryAcceptanceCriterionOfTheSixUserStories() {
        int[] perStory = {6, 15, 6, 6, 6, 6};
        List<String> expected = new ArrayList<>();
        for (int story = 1; story <= perStory.length; story++) {
            for (int n = 1; n <= perStory[story - 1]; n++) {
                expected.add("AC-" + story + "." + n);
            }
        }
        List<String> acceptance = catalogue.all().stream().map(Criterion::id).filter(id -> id.startsWith("AC-")).toList();
        assertThat(acceptance).hasSize(45).containsExactlyElementsOf(expected);
    }

    @Test
    void listsTheNonFunctionalTargetsWithTheirThresholds() {
        assertThat(catalogue.find("NFR-PERF-1")).get().extracting(Criterion::target).isEqualTo("p95 < 3 s");
        assertThat(catalogue.find("NFR-AVAIL-5")).get().extracting(Criterion::target).isEqualTo("< 5 min");
        assertThat(catalogue.find("SC-PERF-1")).get().extracting(Criterion::target).isEqualTo("< 0.1 %");
        assertThat(catalogue.all().stream().filter(c -> !c.id().startsWith("AC-")).count()).isGreaterThanOrEqualTo(25);
    }

    @Test
    void saysWhereEachCriterionCanBeJudged() {
        assertThat(catalogue.all()).allSatisfy(c ->
                assertThat(c.judged()).isIn(Set.of("local", "static", "staging", "production")));
    }

    @Test
    void recognisesCriterionTagsOnly() {
        assertThat(CriteriaCatalogue.isCriterionTag("@AC-1.4")).isTrue();
        assertThat(CriteriaCatalogue.isCriterionTag("@NFR-PERF-1")).isTrue();
        assertThat(CriteriaCatalogue.isCriterionTag("@SC-DEPLOY-2")).isTrue();
        assertThat(CriteriaCatalogue.isCriterionTag("@local")).isFalse();
        assertThat(CriteriaCatalogue.isCriterionTag("@smoke")).isFalse();
    }
}
