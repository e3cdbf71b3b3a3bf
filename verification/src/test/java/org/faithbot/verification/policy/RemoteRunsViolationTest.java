package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * AC-2.15: what runs against staging and production. Planted: the production smoke as it was (staging's target
 * against production's URL, a tag filter a repository variable could replace with anything), a production filter
 * selecting a destructive scenario, a scenario that changes its target without @destructive, a remote profile that
 * selects the self-tests and a self-test without its local-only guard.
 */
class RemoteRunsViolationTest {

    private static final String APP_CD = ".github/workflows/application-cd.yml";
    private static final String PRODUCTION_SMOKE = """
                    env:
                      SMOKE_TAGS: ${{ vars.PRODUCTION_SMOKE_TAGS || '@smoke' }}
                    run: bin/launch-readiness -Dtarget=production -Dproduction.base-url="$BASE_URL" -Dcucumber.filter.tags="($SMOKE_TAGS) and not @destructive"
            """;

    @Test
    void theUnmodifiedCopyHolds(@TempDir Path dir) {
        PolicyInputs inputs = PlantedRepository.copyInto(dir).inputs();
        assertThat(PolicyCatalogue.forCriterion("AC-2.15")).allSatisfy(rule -> {
            RuleOutcome outcome = rule.check(inputs);
            assertThat(outcome.passed()).as(outcome.describe()).isTrue();
        });
    }

    @Test
    void theProductionSmokeAsItWasUsesStagingsTargetAndAFilterAVariableCanReplace(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(APP_CD, PRODUCTION_SMOKE, """
                    env:
                      SMOKE_TAGS: ${{ vars.PRODUCTION_SMOKE_TAGS || '@smoke and not @destructive' }}
                    run: bin/launch-readiness -Dtarget=staging -Dstaging.base-url="$BASE_URL" -Dcucumber.filter.tags="$SMOKE_TAGS"
            """);
        RuleOutcome target = copy.check("remote-runs-use-their-own-target");
        assertThat(target.passed()).isFalse();
        assertThat(target.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(APP_CD);
            assertThat(f.resource()).startsWith("jobs.deploy-production › step ");
            assertThat(f.attribute()).isEqualTo("-Dtarget");
            assertThat(f.problem()).contains("runs the harness with -Dtarget=staging", "staging's secret id, issuer and tables against production's service");
        });
        RuleOutcome destructive = copy.check("production-runs-select-nothing-destructive");
        assertThat(destructive.passed()).isFalse();
        assertThat(destructive.findings()).singleElement().satisfies(f -> {
            assertThat(f.resource()).startsWith("jobs.deploy-production › step ");
            assertThat(f.problem()).contains("does not exclude @destructive where a repository variable or input cannot undo it");
        });
    }

    @Test
    void aProductionFilterThatSelectsADestructiveScenarioFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir)
                .replace("features/deployment-staging.feature", "@SC-DEPLOY-3 @staging @destructive\n  Scenario: Canary",
                        "@SC-DEPLOY-3 @staging @production @destructive\n  Scenario: Canary")
                .replace(APP_CD, PRODUCTION_SMOKE, """
                    env:
                      SMOKE_TAGS: ${{ vars.PRODUCTION_SMOKE_TAGS || '@smoke' }}
                    run: bin/launch-readiness -Dtarget=production -Dproduction.base-url="$BASE_URL" -Dcucumber.filter.tags="$SMOKE_TAGS or @AC-1.6"
            """);
        RuleOutcome outcome = copy.check("production-runs-select-nothing-destructive");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(Finding::problem)
                .anySatisfy(p -> assertThat(p).contains("selects @destructive scenarios against production",
                        "deployment-staging.feature: Canary through CodeDeploy"));
    }

    @Test
    void aScenarioThatChangesItsTargetWithoutTheTagFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace("features/chaos.feature",
                "@NFR-AVAIL-2 @local @staging @destructive\n  Scenario: The service fails fast",
                "@NFR-AVAIL-2 @local @staging\n  Scenario: The service fails fast");
        RuleOutcome outcome = copy.check("scenarios-that-change-the-target-are-destructive");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo("features/chaos.feature");
            assertThat(f.resource()).startsWith("The service fails fast while the database does not answer");
            assertThat(f.problem()).contains("changes its target (@chaos (injects faults under a background load))", "not tagged @destructive");
        });
    }

    @Test
    void aRemoteProfileThatSelectsTheSelfTestsOrASelfTestWithoutItsGuardFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir)
                .replace("verification/pom.xml", """
                        <verification.tags>@staging and not @wip</verification.tags>
                      </properties>
                      <build>
                        <plugins>
                          <plugin>
                            <groupId>org.apache.maven.plugins</groupId>
                            <artifactId>maven-failsafe-plugin</artifactId>
                            <configuration>
                              <includes combine.self="override">
                                <include>**/LaunchReadinessSuite.java</include>
                              </includes>
                            </configuration>
                          </plugin>
                        </plugins>
                      </build>
                """, """
                        <verification.tags>@staging and not @wip</verification.tags>
                      </properties>
                """)
                .replace("verification/src/test/java/org/faithbot/verification/selftest/ErasureSpecSelfTestIT.java",
                        "@LocalTargetOnly\nclass", "class");
        RuleOutcome outcome = copy.check("remote-runs-select-no-self-test");
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(Finding::describe)
                .anySatisfy(d -> assertThat(d).contains("verification/pom.xml: profile staging › maven-failsafe-plugin includes",
                        "the build's includes, self-tests among them, are inherited"))
                .anySatisfy(d -> assertThat(d).contains("selftest/ErasureSpecSelfTestIT.java: ErasureSpecSelfTestIT › @LocalTargetOnly"));
        assertThat(outcome.findings()).hasSize(2);
    }
}
