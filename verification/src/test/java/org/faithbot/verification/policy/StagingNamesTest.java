package org.faithbot.verification.policy;

import org.faithbot.verification.deployment.staging.StagingDeploymentSettings;
import org.faithbot.verification.deployment.staging.StagingRehearsal;
import org.faithbot.verification.target.Targets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The staging deployment drills name what the Terraform creates for staging: the staging settings' defaults and the
 * rehearsal's resources in moto are read here from the HCL (environments/staging's tfvars and its call of the platform
 * module, the platform's name, the ecs-service module's names and container), so that a renamed resource fails here
 * rather than in the first staging run.
 */
class StagingNamesTest {

    private static String prefix;
    private static Module ecsService;
    private static String region;

    @BeforeAll
    static void readTheTerraform() {
        TerraformConfig terraform = PolicyInputs.of(Targets.projectRoot()).terraform();
        Module staging = terraform.module("environments/staging");
        String environment = staging.tfvars().get("environment").asText();
        region = staging.tfvars().get("aws_region").asText();
        TfBlock platform = staging.moduleCall("platform").orElseThrow();
        prefix = Expr.text(platform.attr("name_prefix")).replace("${var.environment}", environment);
        Module platformModule = terraform.module("modules/platform");
        assertThat(Expr.text(platformModule.locals().get("name"))).as("the platform's name").isEqualTo("${var.name_prefix}");
        List<TfBlock> calls = terraform.callsTo("modules/ecs-service");
        assertThat(calls).hasSize(1);
        assertThat(Expr.text(calls.getFirst().attr("name"))).as("the name the platform gives the ECS service").isEqualTo("${local.name}");
        ecsService = terraform.module("modules/ecs-service");
    }

    private static String named(String local) {
        return ecsService.expand(Expr.text(ecsService.locals().get(local))).replace("${var.name}", prefix);
    }

    @Test
    void theStagingSettingsDefaultToTheTerraformsNames() {
        StagingDeploymentSettings settings = StagingDeploymentSettings.fromConfiguration();

        assertThat(prefix).isEqualTo("chatbot-staging");
        assertThat(settings.region().id()).isEqualTo(region);
        assertThat(settings.cluster()).isEqualTo(named("cluster_name"));
        assertThat(settings.service()).isEqualTo(named("service_name"));
        assertThat(settings.container()).isEqualTo(ecsService.variableDefault("container_name").asText());
        assertThat(settings.containerPort()).isEqualTo(ecsService.variableDefault("container_port").asInt());
        assertThat(settings.codeDeployApplication()).isEqualTo(Expr.text(ecsService.resource("aws_codedeploy_app", "this").orElseThrow()
                .attr("name")).replace("${var.name}", prefix));
        assertThat(settings.codeDeployGroup()).isEqualTo(Expr.text(ecsService.resource("aws_codedeploy_deployment_group", "this").orElseThrow()
                .attr("deployment_group_name")).replace("${var.name}", prefix));
    }

    @Test
    void theRehearsalCreatesTheTerraformsResourcesInMoto() {
        StagingDeploymentSettings settings = StagingDeploymentSettings.fromConfiguration();

        assertThat(List.of(StagingRehearsal.CLUSTER, StagingRehearsal.SERVICE, StagingRehearsal.CONTAINER, StagingRehearsal.APPLICATION,
                StagingRehearsal.GROUP, StagingRehearsal.REGION.id())).isEqualTo(List.of(settings.cluster(), settings.service(),
                settings.container(), settings.codeDeployApplication(), settings.codeDeployGroup(), settings.region().id()));
        assertThat(StagingRehearsal.PORT).isEqualTo(settings.containerPort());
    }
}
