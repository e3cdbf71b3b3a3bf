package org.faithbot.verification.policy;

import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** actionlint and terraform fmt: clean on the repository, and they do report a planted defect. */
class LintersTest {

    @Test
    void actionlintFindsNothingInTheRepositoryAndKnowsTheVarsContext() {
        Map<String, List<Actionlint.Finding>> findings = Actionlint.lint(Targets.projectRoot(), Targets.projectRoot());
        assertThat(findings).hasSizeGreaterThanOrEqualTo(8);
        assertThat(findings.values().stream().flatMap(List::stream).map(Actionlint.Finding::describe).toList()).isEmpty();
    }

    @Test
    void actionlintReportsAnUndefinedContextInAPlantedWorkflow(@TempDir Path dir) {
        PlantedRepository copy = PlantedRepository.copyInto(dir).replace(".github/workflows/drift-detection.yml",
                "TOPIC: ${{ vars[matrix.topic_variable] }}", "TOPIC: ${{ variables[matrix.topic_variable] }}");
        Map<String, List<Actionlint.Finding>> findings = Actionlint.lint(copy.root(), Targets.projectRoot());
        assertThat(findings.get(".github/workflows/drift-detection.yml")).singleElement().satisfies(f -> {
            assertThat(f.message()).contains("undefined variable \"variables\"");
            assertThat(f.line()).isPositive();
        });
    }

    @Test
    void terraformFmtFlagsAMisformattedFile(@TempDir Path dir) {
        Assumptions.assumeTrue(TerraformFmt.terraformBinary().isPresent(), "terraform is not installed: fmt cannot run here");
        PlantedRepository copy = PlantedRepository.copyInto(dir);
        assertThat(TerraformFmt.check(copy.root()).status()).isEqualTo(TerraformFmt.Status.PASSED);
        copy.replace("terraform/modules/dynamodb/main.tf", "  billing_mode                = \"PAY_PER_REQUEST\"",
                "  billing_mode = \"PAY_PER_REQUEST\"");
        TerraformFmt.Result result = TerraformFmt.check(copy.root());
        assertThat(result.status()).isEqualTo(TerraformFmt.Status.FAILED);
        assertThat(result.unformattedFiles()).containsExactly("terraform/modules/dynamodb/main.tf");
    }
}
