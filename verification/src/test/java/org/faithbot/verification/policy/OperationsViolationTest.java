package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduled and reporting jobs as an SRE runs them, each rule shown failing on a planted violation: a verdict read
 * from the page's text instead of summary.json; the game day back in the deployments' concurrency group, without its
 * follow-up job, and a staging deployment that does not wait for it; a game day that posts no results and alerts no
 * one; CI without moto's server; Dependabot's docker entry at / and no npm entry.
 */
class OperationsViolationTest {

    private static final String REPORT = ".github/workflows/launch-readiness-report.yml";
    private static final String GAME_DAYS = ".github/workflows/game-days.yml";
    private static final String APP_CI = ".github/workflows/application-ci.yml";

    @Test
    void theUnmodifiedCopyHolds(@TempDir Path dir) {
        PolicyInputs inputs = PlantedRepository.copyInto(dir).inputs();
        for (String rule : new String[] {"verdicts-read-from-summary-json", "game-days-post-results-and-alert", "game-days-wait-and-say-when-they-did-not-run",
                "ci-installs-moto-for-the-recovery-drills", "dependabot-covers-every-manifest"}) {
            RuleOutcome outcome = PolicyCatalogue.byId(rule).check(inputs);
            assertThat(outcome.passed()).as(outcome.describe()).isTrue();
        }
    }

    @Test
    void aVerdictReadFromTheSummaryTextFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(REPORT,
                "echo \"verdict=$(jq -r .verdict reports/launch-readiness/merged/summary.json)\" >> \"$GITHUB_OUTPUT\"",
                "echo \"verdict=$(grep -m1 -o 'NO-GO\\|GO' reports/launch-readiness/merged/summary.txt)\" >> \"$GITHUB_OUTPUT\"");
        RuleOutcome outcome = copy.check("verdicts-read-from-summary-json");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(Finding::resource)
                .containsExactlyInAnyOrder("jobs.merge › step 5 (bin/launch-readiness --merge)", "jobs.verdict › step 1 (Verdict)");
        assertThat(outcome.findings()).allSatisfy(f -> {
            assertThat(f.file()).isEqualTo(REPORT);
            assertThat(f.problem()).contains("did not read from a summary.json");
        });
    }

    @Test
    void aGameDayInTheDeploymentsGroupWithoutItsFollowUpFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir)
                .replace(GAME_DAYS, "group: game-day-staging", "group: deploy-staging")
                .replace(GAME_DAYS, "if: always() && needs.game-day.outputs.started != 'true'", "if: needs.game-day.outputs.started != 'true'")
                .replace(".github/workflows/application-cd.yml", "run: .github/scripts/await-no-game-day.sh 160", "run: echo not waiting");
        RuleOutcome outcome = copy.check("game-days-wait-and-say-when-they-did-not-run");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(Finding::describe)
                .anySatisfy(d -> assertThat(d).contains(GAME_DAYS, "jobs.game-day › concurrency.group", "'deploy-staging' is also .github/workflows/application-cd.yml's"))
                .anySatisfy(d -> assertThat(d).contains(GAME_DAYS, "'deploy-staging' is also .github/workflows/infrastructure-cd.yml's"))
                .anySatisfy(d -> assertThat(d).contains("says when the game day did not run"))
                .anySatisfy(d -> assertThat(d).contains(".github/workflows/application-cd.yml: jobs.deploy-staging › steps",
                        "must wait for a running game day"));
        assertThat(outcome.findings()).hasSize(4);
    }

    @Test
    void aGameDayThatPostsOnlyItsPreFlightAndAlertsNoOneFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir)
                .replace(GAME_DAYS, "if: always() && steps.started.outputs.started == 'true'", "if: success()")
                .replace(GAME_DAYS, """
                              aws sns publish --topic-arn "$TOPIC" \\
                                --subject "[chatbot] Game day: a steady-state hypothesis broke on staging" \\
                  """, """
                              echo "$TOPIC" \\
                                --subject "[chatbot] Game day: a steady-state hypothesis broke on staging" \\
                  """);
        RuleOutcome outcome = copy.check("game-days-post-results-and-alert");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(Finding::problem)
                .anySatisfy(p -> assertThat(p).contains("whatever the outcome (if: always())"))
                .anySatisfy(p -> assertThat(p).contains("publishes a broken hypothesis to the alert topic"));
        assertThat(outcome.findings()).hasSize(2);
    }

    @Test
    void aTestJobWithoutMotoOrWithAnotherVersionFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir)
                .replace(APP_CI, """
                              pipx install 'moto[server]==5.2.1'
                        """, """
                              echo "moto: left to chance"
                        """)
                .replace(REPORT, "pipx install 'moto[server]==5.2.1'", "pipx install 'moto[server]==5.1.0'");
        RuleOutcome outcome = copy.check("ci-installs-moto-for-the-recovery-drills");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(Finding::describe)
                .anySatisfy(d -> assertThat(d).contains(APP_CI, "jobs.build-test", "(bin/test)", "without installing moto's server"))
                .anySatisfy(d -> assertThat(d).contains(REPORT, "installs moto 5.1.0, bin/setup.sh names 5.2.1"));
        assertThat(outcome.findings()).hasSize(2);
    }

    @Test
    void dependabotAsItWasFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(".github/dependabot.yml", """
                  - package-ecosystem: docker
                    directory: /service
                """, """
                  - package-ecosystem: docker
                    directory: /
                """).replace(".github/dependabot.yml", """
                  - package-ecosystem: npm
                    directory: /tools
                """, """
                  - package-ecosystem: npm
                    directory: /frontend
                """);
        RuleOutcome outcome = copy.check("dependabot-covers-every-manifest");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(Finding::problem).containsExactlyInAnyOrder(
                "service/Dockerfile is not watched: a docker entry must name /service (it has [/])",
                "tools/package.json is not watched: a npm entry must name /tools (it has [/frontend])");
    }
}
