package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** NFR-SEC-1/3/4: the supply-chain rules hold for the repository and fail, naming the place, when a gate is taken away. */
class SupplyChainViolationTest {

    @Test
    void theRepositoryHoldsToAllThree(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        for (String rule : new String[]{"vulnerability-budget-gates-image-and-sbom", "patches-offered-daily-and-advisories-held-to-48h",
                "zap-baseline-scans-staging-before-production"}) {
            RuleOutcome outcome = copy.check(rule);
            assertThat(outcome.passed()).as(outcome.describe()).isTrue();
        }
    }

    @Test
    void aWeeklyDependabotScheduleFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(".github/dependabot.yml",
                "\"/.github/actions/*\"]\n    schedule:\n      interval: daily", "\"/.github/actions/*\"]\n    schedule:\n      interval: weekly");
        RuleOutcome outcome = copy.check("patches-offered-daily-and-advisories-held-to-48h");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).anySatisfy(f -> {
            assertThat(f.resource()).isEqualTo("updates[github-actions]");
            assertThat(f.attribute()).isEqualTo("schedule.interval");
        });
    }

    @Test
    void productionNotWaitingForTheZapScanFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(".github/workflows/application-cd.yml",
                "needs: [build-push, deploy-staging, zap-baseline-staging]", "needs: [build-push, deploy-staging]");
        RuleOutcome outcome = copy.check("zap-baseline-scans-staging-before-production");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> assertThat(f.attribute()).isEqualTo("needs"));
    }

    @Test
    void aBudgetThatToleratesMediumFindingsFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(SupplyChainRules.BUDGET_SCRIPT, "\"$medium\" -ge 5", "\"$medium\" -ge 50");
        RuleOutcome outcome = copy.check("vulnerability-budget-gates-image-and-sbom");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> assertThat(f.file()).isEqualTo(SupplyChainRules.BUDGET_SCRIPT));
    }
}
