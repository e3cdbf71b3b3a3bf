package org.faithbot.verification.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The DynamoDB module must build the tables from the service's own definition, and read all of it. */
class TablesLinkViolationTest {

    private static final String RULE = "tables-from-the-service-definition";
    private static final String MODULE = "terraform/modules/dynamodb/main.tf";
    private static final String TABLES = "service/src/main/resources/dynamodb/tables.json";

    @Test
    void theUnmodifiedCopyHolds(@TempDir Path dir) {
        RuleOutcome outcome = PlantedRepository.copyInto(dir).check(RULE);
        assertThat(outcome.passed()).as(outcome.describe()).isTrue();
    }

    @Test
    void aModulePointingAtAnotherFileFails(@TempDir Path dir) {
        RuleOutcome outcome = PlantedRepository.copyInto(dir)
                .replace(MODULE, "/../../../service/src/main/resources/dynamodb/tables.json", "/tables.json")
                .check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(MODULE);
            assertThat(f.resource()).isEqualTo("local.tables_file");
            assertThat(f.problem()).contains("not " + TABLES);
        });
    }

    @Test
    void aFieldOfTheDefinitionThatTerraformIgnoresFails(@TempDir Path dir) {
        RuleOutcome outcome = PlantedRepository.copyInto(dir)
                .replace(TABLES, "\"name\": \"users\",", "\"name\": \"users\", \"localSecondaryIndexes\": [],")
                .check(RULE);
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.findings()).singleElement().satisfies(f -> {
            assertThat(f.file()).isEqualTo(TABLES);
            assertThat(f.resource()).isEqualTo("tables[users]");
            assertThat(f.attribute()).isEqualTo("localSecondaryIndexes");
        });
    }
}
