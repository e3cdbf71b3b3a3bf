package org.faithbot.verification.deployment.staging;

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
                Region.of(setting("staging.region", "AWS_REGION", "eu-central-1")),
                setting("staging.ecs-cluster", "ECS_CLUSTER", "chatbot-staging-cluster"),
                setting("staging.ecs-service", "ECS_SERVICE", "chatbot-staging-service"),
                setting("staging.ecs-container", "ECS_CONTAINER_NAME", "chatbot"),
                Integer.parseInt(setting("staging.container-port", "CONTAINER_PORT", "8080")),
                setting("staging.codedeploy-app", "CODEDEPLOY_APPLICATION", "chatbot-staging-app"),
                setting("staging.codedeploy-group", "CODEDEPLOY_DEPLOYMENT_GROUP", "chatbot-staging-dg"),
                setting("staging.ecs-rolling-service", "STAGING_ECS_ROLLING_SERVICE", ""),
                Duration.ofSeconds(10), Duration.ofMinutes(30));
    }

    public boolean hasRollingService() {
        return !rollingService.isBlank();
    }

    private static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value;
    }
}
