package org.faithbot.verification.deployment.staging;

import org.faithbot.verification.settings.Settings;
import software.amazon.awssdk.regions.Region;

import java.time.Duration;

/**
 * Where the staging deployment drills deploy, each setting from a system property or the
 * environment (the names of the GitHub environment's variables that terraform's platform module
 * outputs), defaulting to terraform's names for staging:
 * <ul>
 *   <li>{@code staging.region} / {@code AWS_REGION} (eu-central-1)</li>
 *   <li>{@code staging.ecs-cluster} / {@code ECS_CLUSTER} (chatbot-staging-cluster)</li>
 *   <li>{@code staging.ecs-service} / {@code ECS_SERVICE} (chatbot-staging-service): deployed through CodeDeploy (blue-green, canary)</li>
 *   <li>{@code staging.ecs-container} / {@code ECS_CONTAINER_NAME} (chatbot), {@code staging.container-port} / {@code CONTAINER_PORT} (8080)</li>
 *   <li>{@code staging.codedeploy-app} / {@code CODEDEPLOY_APPLICATION} (chatbot-staging-app)</li>
 *   <li>{@code staging.codedeploy-group} / {@code CODEDEPLOY_DEPLOYMENT_GROUP} (chatbot-staging-dg)</li>
 *   <li>{@code staging.ecs-rolling-service} / {@code STAGING_ECS_ROLLING_SERVICE}: a service on the ECS deployment controller
 *       (rolling, circuit breaker); none by default (staging deploys blue-green), and the rolling drills say so</li>
 * </ul>
 */
public record StagingDeploymentSettings(Region region, String cluster, String service, String container, int containerPort,
                                        String codeDeployApplication, String codeDeployGroup, String rollingService,
                                        Duration pollInterval, Duration timeout) {

    public static StagingDeploymentSettings fromConfiguration() {
        return new StagingDeploymentSettings(
                Region.of(Settings.stagingRegion()),
                Settings.setting("staging.ecs-cluster", "ECS_CLUSTER", "chatbot-staging-cluster"),
                Settings.setting("staging.ecs-service", "ECS_SERVICE", "chatbot-staging-service"),
                Settings.setting("staging.ecs-container", "ECS_CONTAINER_NAME", "chatbot"),
                Integer.parseInt(Settings.setting("staging.container-port", "CONTAINER_PORT", "8080")),
                Settings.setting("staging.codedeploy-app", "CODEDEPLOY_APPLICATION", "chatbot-staging-app"),
                Settings.setting("staging.codedeploy-group", "CODEDEPLOY_DEPLOYMENT_GROUP", "chatbot-staging-dg"),
                Settings.setting("staging.ecs-rolling-service", "STAGING_ECS_ROLLING_SERVICE", ""),
                Duration.ofSeconds(10), Duration.ofMinutes(30));
    }

    public boolean hasRollingService() {
        return !rollingService.isBlank();
    }
}
