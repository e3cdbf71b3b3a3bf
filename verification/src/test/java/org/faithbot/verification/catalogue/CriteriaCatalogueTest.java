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
    void everyCriterionSaysAtWhichLevelItsRequirementDemandsProofAndWhy() {
        assertThat(catalogue.all()).allSatisfy(c -> {
            assertThat(c.level()).as(c.id()).isIn(Set.of(ProofLevel.STATIC, ProofLevel.LOCAL, ProofLevel.STAGING,
                    ProofLevel.PRODUCTION, ProofLevel.SIGN_OFF));
            assertThat(c.why()).as(c.id()).isNotBlank().doesNotContain("\n");
        });
    }

    @Test
    void whatNamesTheAwsSystemOrProductionDemandsMoreThanALocalRun() {
        assertThat(level("AC-1.1")).as("names ECS Fargate").isEqualTo(ProofLevel.STAGING);
        assertThat(level("AC-1.2")).as("names the Application Load Balancer").isEqualTo(ProofLevel.STAGING);
        assertThat(level("AC-4.5")).as("validated in production").isEqualTo(ProofLevel.PRODUCTION);
        assertThat(level("AC-5.4")).as("production's RTO and RPO").isEqualTo(ProofLevel.PRODUCTION);
        assertThat(level("NFR-AVAIL-1")).isEqualTo(ProofLevel.PRODUCTION);
        assertThat(level("SC-PERF-2")).isEqualTo(ProofLevel.PRODUCTION);
        assertThat(level("NFR-SEC-4")).isEqualTo(ProofLevel.SIGN_OFF);
        assertThat(level("AC-2.10")).as("a property of the Terraform backend").isEqualTo(ProofLevel.STATIC);
        assertThat(level("NFR-PERF-1")).as("the service's own p95").isEqualTo(ProofLevel.LOCAL);
    }

    @Test
    void listsTheTargetsThatHadNoCriterionAndSplitsTheTitlesThatClaimedMore() {
        assertThat(catalogue.find("SC-PERF-4")).get().extracting(Criterion::target).isEqualTo("95 % < 3 s");
        assertThat(catalogue.find("SC-SEC-3")).get().extracting(Criterion::target).isEqualTo("< 5");
        assertThat(catalogue.find("SC-SEC-4")).get().extracting(Criterion::level).isEqualTo(ProofLevel.SIGN_OFF);
        assertThat(catalogue.find("SC-SEC-5")).get().extracting(Criterion::target).isEqualTo("100 %");
        assertThat(catalogue.find("SC-OPS-4")).get().extracting(Criterion::level).isEqualTo(ProofLevel.STATIC);
        assertThat(catalogue.find("SC-OPS-5")).get().extracting(Criterion::level).isEqualTo(ProofLevel.SIGN_OFF);
        assertThat(catalogue.find("NFR-SEC-6")).get().extracting(Criterion::title).asString().contains("opt out");
        assertThat(catalogue.find("NFR-OPS-6")).get().extracting(Criterion::title).asString().contains("Audit trails");
        assertThat(title("AC-4.5")).doesNotContain("opt-out");
        assertThat(title("NFR-OPS-2")).doesNotContain("audit");
        assertThat(title("NFR-SEC-1")).doesNotContain("medium");
        assertThat(title("SC-OPS-3")).doesNotContain("trained");
    }

    private ProofLevel level(String id) {
        return catalogue.find(id).orElseThrow().level();
    }

    private String title(String id) {
        return catalogue.find(id).orElseThrow().title();
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
