package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** AC-2.11: a workflow that logs in to AWS with a stored access key must fail the OIDC rules. */
class StoredAwsKeyViolationTest {

    private static final String DRIFT = ".github/workflows/drift-detection.yml";
    private static final String APP_CD = ".github/workflows/application-cd.yml";
    private static final String OIDC_ONLY = "aws-access-only-through-oidc-roles";
    private static final String NO_STORED_KEYS = "no-stored-aws-keys-in-workflows";

    @Test
    void theUnmodifiedCopyHolds(@TempDir Path dir) {
        PolicyInputs inputs = PlantedRepository.copyInto(dir).inputs();
        assertThat(PolicyCatalogue.forCriterion("AC-2.11")).allSatisfy(rule ->
                assertThat(rule.check(inputs).passed()).as(rule.id()).isTrue());
    }

    @Test
    void aLoginWithStoredAccessKeysFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(DRIFT, """
                          role-to-assume: ${{ vars[matrix.role_variable] }}
                          role-session-name: drift-${{ matrix.environment }}-${{ github.run_id }}
                """, """
                          aws-access-key-id: ${{ secrets.AWS_ACCESS_KEY_ID }}
                          aws-secret-access-key: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
                """);
        PolicyInputs inputs = copy.inputs();

        RuleOutcome oidc = PolicyCatalogue.byId(OIDC_ONLY).check(inputs);
        assertThat(oidc.passed()).isFalse();
        assertThat(oidc.findings()).extracting(Finding::attribute)
                .containsExactlyInAnyOrder("with.role-to-assume", "with.aws-access-key-id", "with.aws-secret-access-key");
        assertThat(oidc.findings()).allSatisfy(f -> {
            assertThat(f.file()).isEqualTo(DRIFT);
            assertThat(f.resource()).isEqualTo("jobs.drift › step 3 (AWS credentials (OIDC, read-only plan role))");
        });

        RuleOutcome stored = PolicyCatalogue.byId(NO_STORED_KEYS).check(inputs);
        assertThat(stored.passed()).isFalse();
        assertThat(stored.findings()).extracting(Finding::describe)
                .anySatisfy(d -> assertThat(d).contains(DRIFT, "aws-access-key-id", "access-key input"))
                .anySatisfy(d -> assertThat(d).contains(DRIFT, "secrets.AWS_SECRET_ACCESS_KEY"));
    }

    @Test
    void aStepReadingAStoredSecretKeyFromTheEnvironmentFails(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(APP_CD, """
                      - name: Failure notification
                        if: failure()
                        env:
                """, """
                      - name: Failure notification
                        if: failure()
                        env:
                          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}
                """);
        RuleOutcome outcome = copy.check(NO_STORED_KEYS);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).extracting(Finding::describe)
                .anySatisfy(d -> assertThat(d).contains(APP_CD, "jobs.deploy-staging.steps[", ".env", "AWS_SECRET_ACCESS_KEY"));
    }
}
