package org.faithbot.verification.target;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each AWS environment has its own settings, named as Terraform names its resources; production runs nothing @destructive. */
class AwsTargetConfigurationTest {

    private static final List<String> PROPERTIES = List.of("production.base-url", "production.jwt-secret-id", "production.region",
            "staging.base-url", "staging.table-prefix");

    @AfterEach
    void clear() {
        PROPERTIES.forEach(System::clearProperty);
    }

    @Test
    void productionHasItsOwnSettingsWithTerraformsNames() {
        System.setProperty("production.base-url", "https://api.chatbot.example.org/");
        AwsTarget.Configuration production = AwsTarget.Configuration.of("production");
        assertThat(production.baseUrl()).isEqualTo("https://api.chatbot.example.org");
        assertThat(production.jwtSecretId()).isEqualTo(Objects.requireNonNullElse(System.getenv("PRODUCTION_JWT_SECRET_ID"),
                "chatbot-production/jwt-signing-key"));
        assertThat(production.jwtIssuer()).isEqualTo(Objects.requireNonNullElse(System.getenv("PRODUCTION_JWT_ISSUER"), "chatbot-production"));
        assertThat(production.tablePrefix()).isEqualTo(Objects.requireNonNullElse(System.getenv("PRODUCTION_TABLE_PREFIX"), "chatbot-production-"));
        assertThat(production.region()).isEqualTo(Objects.requireNonNullElse(System.getenv("AWS_REGION"), "eu-central-1"));
        System.setProperty("production.region", "eu-west-1");
        assertThat(AwsTarget.Configuration.of("production").region()).isEqualTo("eu-west-1");
    }

    @Test
    void stagingSettingsNeverReachProduction() {
        System.setProperty("staging.base-url", "https://api.staging.chatbot.example.org");
        System.setProperty("staging.table-prefix", "chatbot-staging-");
        assertThatThrownBy(() -> AwsTarget.Configuration.of("production")).hasMessageContaining("-Dproduction.base-url");
        assertThat(AwsTarget.Configuration.of("staging").jwtSecretId()).isEqualTo(Objects.requireNonNullElse(System.getenv("STAGING_JWT_SECRET_ID"),
                "chatbot-staging/jwt-signing-key"));
        assertThatThrownBy(() -> AwsTarget.Configuration.of("prod")).hasMessageContaining("unknown AWS environment");
    }

    @Test
    void productionRefusesADestructiveScenarioAndStagingDoesNot() {
        assertThat(Targets.refusal("production", List.of("@smoke", "@production"))).isEmpty();
        assertThat(Targets.refusal("production", List.of("@AC-1.6", "@production", "@destructive"))).get().asString()
                .contains("never runs against production");
        assertThat(Targets.refusal("staging", List.of("@staging", "@destructive"))).isEmpty();
        assertThat(Targets.refusal("local", List.of("@local", "@destructive"))).isEmpty();
    }
}
